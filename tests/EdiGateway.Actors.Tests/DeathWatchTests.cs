using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class DeathWatchTests
{
    private sealed record WatchIt(IActorRef Target);

    private sealed class CarelessWatcher : ReportingActor
    {
        public CarelessWatcher(IActorRef monitor)
            : base(monitor, "watcher") => Receive<WatchIt>(m => Context.Watch(m.Target));
    }

    private sealed class CarefulWatcher : ReceiveActor
    {
        public CarefulWatcher(IActorRef monitor)
        {
            Receive<WatchIt>(m => Context.Watch(m.Target));
            Receive<Terminated>(t => monitor.Tell("saw " + t.ActorRef.Path));
        }
    }

    [Fact]
    public void Watch_WatchedActorStops_WatcherReceivesTerminated()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var watcher = kit.ActorOf(Props.Create(() => new CarefulWatcher(probe)));

        watcher.Tell(new WatchIt(echo));
        kit.AwaitIdle();
        echo.Tell(PoisonPill.Instance);

        probe.ExpectMsg("saw /user/echo");
    }

    [Fact]
    public void Watch_ActorAlreadyStopped_TerminatedArrivesAtOnce()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");
        probe.Watch(echo);
        kit.System.Stop(echo);
        probe.ExpectTerminated(echo);

        var late = kit.CreateTestProbe();
        late.Watch(echo);

        Assert.Same(echo, late.ExpectTerminated(echo).ActorRef);
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminatedArrives()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");
        probe.Watch(echo);
        probe.Unwatch(echo);
        kit.AwaitIdle();

        kit.System.Stop(echo);
        kit.AwaitIdle();

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Watch_TerminatedNotHandled_DeathPactStopsTheWatcher()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var watcher = kit.ActorOf(Props.Create(() => new CarelessWatcher(probe)), "watcher");
        probe.ExpectMsg(new Started("watcher"));

        watcher.Tell(new WatchIt(echo));
        kit.AwaitIdle();
        kit.System.Stop(echo);

        probe.ExpectMsg(new Stopped("watcher"));
    }
}

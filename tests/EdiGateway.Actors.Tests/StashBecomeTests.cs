using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class StashBecomeTests
{
    private sealed record Connected;

    private sealed record Send(int Number);

    /// <summary>Stashes sends until the connection is up, then replays them and switches behaviour.</summary>
    private sealed class ConnectionActor : ReportingActor
    {
        public ConnectionActor(IActorRef monitor)
            : base(monitor, "conn") => Become(Connecting);

        private void Connecting()
        {
            Receive<Send>(_ => Stash.Stash());
            Receive<Connected>(_ =>
            {
                Become(Online);
                Stash.UnstashAll();
            });
            Receive<Fail>(f => throw f.Exception);
            Receive<string>(_ => Sender.Tell(Stash.Count, Self));
        }

        private void Online()
        {
            Receive<Send>(s => Monitor.Tell("sent " + s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Receive<Connected>(_ => { });
        }
    }

    [Fact]
    public void UnstashAll_AfterBecome_StashedMessagesAreHandledFirstInOrder()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var actor = kit.ActorOf(Props.Create(() => new ConnectionActor(probe)));
        probe.ExpectMsg(new Started("conn"));

        actor.Tell(new Send(1));
        actor.Tell(new Send(2));
        actor.Tell(new Connected());
        actor.Tell(new Send(3));

        Assert.Equal(["sent 1", "sent 2", "sent 3"], probe.ReceiveN(3));
    }

    [Fact]
    public void Restart_WithStashedMessages_StashIsReturnedToTheMailboxNotLost()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.Zero };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var actor = kit.ActorOf(Props.Create(() => new ConnectionActor(probe)));
        probe.ExpectMsg(new Started("conn"));
        actor.Tell(new Send(1));
        actor.Tell(new Send(2));
        actor.Tell(new Fail(new InvalidOperationException()));
        probe.FishForMessage<Started>(s => s.Tag == "conn");

        Assert.Equal(2, actor.Ask<int>("stash?", TimeSpan.FromSeconds(5)).GetAwaiter().GetResult());
        actor.Tell(new Connected());
        Assert.Equal(["sent 1", "sent 2"], probe.ReceiveN(2));
    }
}

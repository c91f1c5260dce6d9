using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.Timers;

public class TimerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private sealed record Tick(string Name);

    private sealed record StartOnce(string Key, Tick Tick, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, Tick Tick, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed class TimerActor : ReportingActor
    {
        public TimerActor(IActorRef monitor)
            : base(monitor, "timers")
        {
            Receive<StartOnce>(m => Context.Timers.StartSingleTimer(m.Key, m.Tick, m.Delay));
            Receive<StartPeriodic>(m => Context.Timers.StartPeriodicTimer(m.Key, m.Tick, m.Interval));
            Receive<CancelTimer>(m => Context.Timers.Cancel(m.Key));
            Receive<IsActive>(m => Sender.Tell(Context.Timers.IsTimerActive(m.Key), Self));
            Receive<Tick>(t => Monitor.Tell(t));
            Receive<Fail>(f => throw f.Exception);
        }
    }

    private static (ActorTestKit Kit, TestProbe Probe, IActorRef Actor) Start()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.Zero };
        var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var actor = kit.ActorOf(Props.Create(() => new TimerActor(probe)), "timers");
        probe.ExpectMsg(new Started("timers"));
        return (kit, probe, actor);
    }

    [Fact]
    public void StartSingleTimer_ClockReachesDueTime_FiresExactlyOnce()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartOnce("k", new Tick("once"), TimeSpan.FromSeconds(10)));
        kit.Advance(TimeSpan.FromSeconds(9));
        probe.ExpectNoMsg(Quiet);
        kit.Advance(TimeSpan.FromSeconds(1));
        probe.ExpectMsg(new Tick("once"));
        kit.Advance(TimeSpan.FromSeconds(60));

        probe.ExpectNoMsg(Quiet);
        Assert.False(actor.Ask<bool>(new IsActive("k"), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult());
    }

    [Fact]
    public void StartPeriodicTimer_ClockAdvances_FiresOncePerInterval()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartPeriodic("p", new Tick("poll"), TimeSpan.FromMinutes(1)));
        kit.AdvanceInSteps(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(30));

        Assert.Equal(3, probe.ReceiveN(3).Count);
        probe.ExpectNoMsg(Quiet);
        Assert.True(actor.Ask<bool>(new IsActive("p"), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult());
    }

    [Fact]
    public void StartPeriodicTimer_ClockJumpsSeveralIntervals_FiresOncePerElapsedInterval()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartPeriodic("p", new Tick("poll"), TimeSpan.FromMinutes(1)));
        kit.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(3, probe.ReceiveN(3).Count);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Cancel_BeforeDue_TimerNeverFires()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartPeriodic("p", new Tick("poll"), TimeSpan.FromSeconds(5)));
        actor.Tell(new StartOnce("o", new Tick("once"), TimeSpan.FromSeconds(5)));
        actor.Tell(new CancelTimer("p"));
        actor.Tell(new CancelTimer("o"));
        kit.Advance(TimeSpan.FromMinutes(1));

        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Timers_TickAlreadyQueuedWhenTheActorRestarts_TickIsDiscarded()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;
        actor.Tell(new StartOnce("o", new Tick("once"), TimeSpan.FromSeconds(1)));
        kit.AwaitIdle();

        actor.Tell(new Fail(new InvalidOperationException()));
        kit.Clock.Advance(TimeSpan.FromSeconds(1));

        probe.FishForMessage<Started>(s => s.Tag == "timers");
        probe.ExpectNoMsg(Quiet);
        Assert.Empty(kit.DeadLetters);
    }

    [Fact]
    public void StartSingleTimer_SameKey_ReplacesThePreviousTimer()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartOnce("k", new Tick("first"), TimeSpan.FromSeconds(5)));
        actor.Tell(new StartOnce("k", new Tick("second"), TimeSpan.FromSeconds(8)));
        kit.Advance(TimeSpan.FromSeconds(5));
        probe.ExpectNoMsg(Quiet);
        kit.Advance(TimeSpan.FromSeconds(3));

        probe.ExpectMsg(new Tick("second"));
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Timers_ActorRestarts_TimersAreCancelled()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartPeriodic("p", new Tick("poll"), TimeSpan.FromSeconds(5)));
        actor.Tell(new Fail(new InvalidOperationException()));
        probe.FishForMessage<Started>(s => s.Tag == "timers");
        kit.Advance(TimeSpan.FromMinutes(1));

        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Timers_ActorStops_TimersAreCancelledWithoutDeadLetters()
    {
        var (kit, probe, actor) = Start();
        using var _ = kit;

        actor.Tell(new StartPeriodic("p", new Tick("poll"), TimeSpan.FromSeconds(5)));
        kit.Advance(TimeSpan.FromSeconds(5));
        probe.ExpectMsg(new Tick("poll"));
        kit.System.Stop(actor);
        probe.ExpectMsg(new Stopped("timers"));
        kit.Advance(TimeSpan.FromMinutes(1));

        probe.ExpectNoMsg(Quiet);
        Assert.Empty(kit.DeadLetters);
    }
}

using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class RestartMailboxTests
{
    [Fact]
    public void Restart_MessagesQueuedBehindTheFailure_AllAreHandledInOrderAndTheFailedOneIsNotRedelivered()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.FromSeconds(2), RandomFactor = 0 };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell("before");
        worker.Tell(new Fail(new InvalidOperationException("boom")));
        for (var i = 0; i < 100; i++)
        {
            worker.Tell(i);
        }

        probe.ExpectMsg(new Processed("w", "before", 1));
        kit.Advance(TimeSpan.FromSeconds(2));
        probe.ExpectMsg<Restarting>();
        probe.ExpectMsg(new Stopped("w"));
        probe.ExpectMsg(new Restarted("w"));
        probe.ExpectMsg(new Started("w"));
        var after = probe.ReceiveN(100).Cast<Processed>().ToList();

        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), after.Select(p => p.Message));
        Assert.Equal(Enumerable.Range(1, 100), after.Select(p => p.Count));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Empty(kit.DeadLetters);
    }

    [Fact]
    public void Restart_RedeliverFailedMessageEnabled_FailedMessageIsHandledAgainFirst()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.Zero, RedeliverFailedMessage = true };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var attempts = new int[1];
        var actor = kit.ActorOf(Props.Create(() => new FlakyOnceActor(probe, attempts)), "flaky");

        actor.Tell("post-invoice");
        actor.Tell("next");

        Assert.Equal(["post-invoice attempt 2", "next attempt 3"], probe.ReceiveN(2));
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/flaky"));
    }

    /// <summary>Fails the first message it ever sees (the attempt counter survives restarts), then reports.</summary>
    private sealed class FlakyOnceActor : ReceiveActor
    {
        public FlakyOnceActor(IActorRef monitor, int[] attempts) => Receive<string>(m =>
        {
            if (++attempts[0] == 1)
            {
                throw new TimeoutException("transient");
            }

            monitor.Tell(m + " attempt " + attempts[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }
}

using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.Supervision;

public class BackoffTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 8000)]
    [InlineData(5, 10000)]
    [InlineData(60, 10000)]
    public void ComputeBackoff_NoJitter_DoublesPerAttemptUpToMax(int attempt, int expectedMs)
    {
        var strategy = new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10), RandomFactor = 0 };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), strategy.ComputeBackoff(attempt, 0.99));
    }

    [Fact]
    public void ComputeBackoff_WithJitter_StaysWithinBaseAndBaseTimesOnePlusFactor()
    {
        var strategy = new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), RandomFactor = 0.5 };
        var random = new Random(1234);

        for (var i = 0; i < 200; i++)
        {
            var delay = strategy.ComputeBackoff(2, random.NextDouble());
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        }

        Assert.Equal(TimeSpan.FromSeconds(24), strategy.ComputeBackoff(5, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(30), strategy.ComputeBackoff(6, 1.0));
    }

    [Fact]
    public void Restart_UnderFakeClock_WaitsMinBackoffThenDoublesForTheNextFailure()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            RandomFactor = 0,
        };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Fail(new InvalidOperationException()));
        kit.Advance(TimeSpan.FromMilliseconds(999));
        probe.ExpectNoMsg(Quiet);
        kit.Advance(TimeSpan.FromMilliseconds(1));
        probe.ExpectMsg<Restarting>();
        probe.ExpectMsg(new Stopped("w"));
        probe.ExpectMsg(new Restarted("w"));
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Fail(new InvalidOperationException()));
        kit.Advance(TimeSpan.FromMilliseconds(1999));
        probe.ExpectNoMsg(Quiet);
        kit.Advance(TimeSpan.FromMilliseconds(1));
        probe.ExpectMsg<Restarting>();
    }

    [Fact]
    public void Restart_SeededJitter_RestartsExactlyAtTheJitteredBackoff()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0.5,
        };
        var expected = strategy.ComputeBackoff(1, new Random(42).NextDouble());
        Assert.InRange(expected, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy, Random = new Random(42) });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Fail(new InvalidOperationException()));
        kit.Advance(expected - TimeSpan.FromTicks(1));
        probe.ExpectNoMsg(Quiet);
        kit.Advance(TimeSpan.FromTicks(1));

        probe.ExpectMsg<Restarting>();
    }

    [Fact]
    public void Restart_AfterTheRetryWindowElapses_CountAndBackoffStartOver()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            MaxRetries = 2,
            RetryWindow = TimeSpan.FromSeconds(10),
            WhenRetriesExhausted = Directive.Stop,
        };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        for (var round = 0; round < 3; round++)
        {
            worker.Tell(new Fail(new InvalidOperationException()));
            kit.Advance(TimeSpan.FromSeconds(1));
            probe.FishForMessage<Started>(s => s.Tag == "w");
            kit.Advance(TimeSpan.FromSeconds(11));
        }

        Assert.Equal(3, kit.System.GetMetrics().RestartsOf("/user/w"));
    }

    [Fact]
    public void Restart_DuringBackoff_MessagesWaitInTheMailbox()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.FromSeconds(5), RandomFactor = 0 };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Fail(new InvalidOperationException()));
        worker.Tell("queued");
        kit.AwaitIdle();

        Assert.Equal(1, kit.System.GetMetrics().MailboxDepthByPath["/user/w"]);
        probe.ExpectNoMsg(Quiet);
    }
}

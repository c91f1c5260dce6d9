using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class ActorSystemTests
{
    private sealed record PurchaseOrder(string Number);

    [Fact]
    public void Restart_IsLoggedWithEventIdsInTheRuntimeRangeWithoutThePayload()
    {
        var logs = new CapturingLoggerFactory();
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.FromMilliseconds(500), RandomFactor = 0 };
        using var kit = new ActorTestKit(o => o with { LoggerFactory = logs, GuardianStrategy = strategy });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Fail(new InvalidOperationException("PO-4711 rejected")));
        kit.Advance(TimeSpan.FromMilliseconds(500));
        probe.FishForMessage<Started>(s => s.Tag == "w");

        var events = logs.Events.ToList();
        var scheduled = Assert.Single(events, e => e.Id.Id == 1000);
        Assert.Equal("Restarting /user/w after InvalidOperationException (restart 1 in window, backoff 500 ms)", scheduled.Text);
        Assert.Single(events, e => e.Id.Id == 1001);
        Assert.All(events, e => Assert.InRange(e.Id.Id, 1000, 1099));
        Assert.DoesNotContain(events, e => e.Text.Contains("PO-4711", StringComparison.Ordinal));
    }

    [Fact]
    public void DeadLetter_IsLoggedByMessageTypeOnly()
    {
        var logs = new CapturingLoggerFactory();
        using var kit = new ActorTestKit(o => o with { LoggerFactory = logs });

        kit.System.DeadLetters.Tell(new PurchaseOrder("PO-4711"));

        var logged = Assert.Single(logs.Events, e => e.Id.Id == 1008);
        Assert.Equal("Dead letter PurchaseOrder from (none) to /deadLetters (NoRecipient)", logged.Text);
    }

    [Fact]
    public void GetMetrics_Snapshot_ReportsRestartsDeadLettersAndMailboxDepths()
    {
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.Zero } });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));
        var gate = new TaskCompletionSource();

        worker.Tell(new Fail(new InvalidOperationException()));
        worker.Tell(new Fail(new InvalidOperationException()));
        worker.Tell(new Block(gate));
        probe.FishForMessage<string>(s => s == "blocked");
        worker.Tell("q1");
        worker.Tell("q2");
        kit.System.DeadLetters.Tell("lost");
        var metrics = kit.System.GetMetrics();
        gate.SetResult();

        Assert.Equal(2, metrics.RestartsOf("/user/w"));
        Assert.Equal(2, metrics.MailboxDepthByPath["/user/w"]);
        Assert.Equal(1, metrics.DeadLetters);
        Assert.Contains("/user", metrics.MailboxDepthByPath.Keys);
        Assert.Equal(0, metrics.RestartsOf("/user/none"));
    }

    [Fact]
    public async Task DisposeAsync_System_TerminatesIt()
    {
        var system = ActorSystem.Create("plain");
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        Assert.Equal("x", await echo.Ask<string>("x", TimeSpan.FromSeconds(5)));

        await system.DisposeAsync();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public void Create_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad/name"));
    }
}

using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class PipeToTests
{
    private sealed record Fetch(Task<string> Io);

    private sealed record Fetched(string Body);

    private sealed class FetchActor : ReceiveActor
    {
        public FetchActor(IActorRef monitor)
        {
            Receive<Fetch>(f => f.Io.PipeTo(Self, success: body => new Fetched(body)));
            Receive<Fetched>(f => monitor.Tell(f));
            Receive<Status.Failure>(f => monitor.Tell("failed: " + f.Cause.Message));
            Receive<string>(s => monitor.Tell("pong " + s));
        }
    }

    [Fact]
    public void PipeTo_PendingTask_MailboxKeepsFlowingAndTheResultArrivesAsAMessage()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var actor = kit.ActorOf(Props.Create(() => new FetchActor(probe)));
        var io = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        actor.Tell(new Fetch(io.Task));
        actor.Tell("1");
        probe.ExpectMsg("pong 1");
        io.SetResult("body");

        probe.ExpectMsg(new Fetched("body"));
    }

    [Fact]
    public void PipeTo_FailedTask_ArrivesAsStatusFailure()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var actor = kit.ActorOf(Props.Create(() => new FetchActor(probe)));

        actor.Tell(new Fetch(Task.FromException<string>(new IOException("connection reset"))));

        probe.ExpectMsg("failed: connection reset");
    }

    [Fact]
    public async Task PipeTo_PlainTask_SendsStatusSuccessWithTheGivenSender()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var sender = kit.CreateTestProbe();

        await Task.CompletedTask.PipeTo(probe, sender);

        Assert.Equal(new Status.Success(null), probe.ExpectMsg<Status.Success>());
        Assert.Same(sender, probe.LastSender);
    }
}

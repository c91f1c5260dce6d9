using System.Collections.Concurrent;
using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class TerminateTests
{
    private sealed record Job(int Number);

    /// <summary>Blocks on a gate for its first message, records each job and its own PostStop in a shared log.</summary>
    private sealed class Recorder : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _log;
        private readonly string _name;

        public Recorder(ConcurrentQueue<string> log, string name, IActorRef? monitor, int children)
        {
            _log = log;
            _name = name;
            for (var i = 0; i < children; i++)
            {
                Context.ActorOf(Props.Create(() => new Recorder(log, name + "/c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, 0)), "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            ReceiveAsync<Block>(async b =>
            {
                monitor?.Tell("blocked");
                await b.Gate.Task;
                log.Enqueue(name + ":block-done");
            });
            Receive<Job>(j => log.Enqueue(name + ":job" + j.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        protected override void PostStop() => _log.Enqueue(_name + ":stopped");
    }

    private static Props RecorderProps(ConcurrentQueue<string> log, string name, IActorRef? monitor = null, int children = 0) =>
        Props.Create(() => new Recorder(log, name, monitor, children));

    [Fact]
    public async Task Terminate_Hierarchy_ChildrenStopBeforeTheirParents()
    {
        using var kit = new ActorTestKit();
        var log = new ConcurrentQueue<string>();
        var parent = kit.ActorOf(RecorderProps(log, "p", children: 3), "p");
        kit.AwaitIdle();

        await kit.System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        var order = log.ToList();
        Assert.Equal(4, order.Count);
        Assert.Equal("p:stopped", order[^1]);
        Assert.True(kit.System.WhenTerminated.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => kit.ActorOf(Props.Create(() => new EchoActor())));
        Assert.NotNull(parent);
    }

    [Fact]
    public async Task Terminate_DrainMode_CurrentMessageFinishesAndQueuedMessagesAreHandled()
    {
        using var kit = new ActorTestKit(o => o with { TerminationMode = TerminationMode.Drain });
        var probe = kit.CreateTestProbe();
        var log = new ConcurrentQueue<string>();
        var actor = kit.ActorOf(RecorderProps(log, "a", probe), "a");
        var gate = new TaskCompletionSource();
        actor.Tell(new Block(gate));
        probe.ExpectMsg("blocked");
        actor.Tell(new Job(1));
        actor.Tell(new Job(2));

        var terminating = kit.System.Terminate();
        await Task.Delay(50);
        Assert.False(terminating.IsCompleted);
        actor.Tell(new Job(3));
        gate.SetResult();
        await terminating.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a:block-done", "a:job1", "a:job2", "a:stopped"], log);
        Assert.Equal(new Job(3), Assert.Single(kit.DeadLetters).Message);
    }

    [Fact]
    public async Task Terminate_DropMode_CurrentMessageFinishesAndQueuedMessagesAreDeadLettered()
    {
        using var kit = new ActorTestKit(o => o with { TerminationMode = TerminationMode.Drop });
        var probe = kit.CreateTestProbe();
        var log = new ConcurrentQueue<string>();
        var actor = kit.ActorOf(RecorderProps(log, "a", probe), "a");
        var gate = new TaskCompletionSource();
        actor.Tell(new Block(gate));
        probe.ExpectMsg("blocked");
        actor.Tell(new Job(1));
        actor.Tell(new Job(2));

        var terminating = kit.System.Terminate();
        gate.SetResult();
        await terminating.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a:block-done", "a:stopped"], log);
        Assert.Equal([new Job(1), new Job(2)], kit.DeadLetters.Select(d => d.Message));
    }

    [Fact]
    public void Stop_WhileHandlingAMessage_CurrentMessageFinishesAndTheRestIsDeadLettered()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var log = new ConcurrentQueue<string>();
        var actor = kit.ActorOf(RecorderProps(log, "a", probe), "a");
        var gate = new TaskCompletionSource();
        actor.Tell(new Block(gate));
        probe.ExpectMsg("blocked");
        actor.Tell(new Job(1));
        probe.Watch(actor);

        kit.System.Stop(actor);
        gate.SetResult();

        probe.ExpectTerminated(actor);
        Assert.Equal(["a:block-done", "a:stopped"], log);
        Assert.Equal(new Job(1), Assert.Single(kit.DeadLetters).Message);
    }
}

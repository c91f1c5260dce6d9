using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.TestKit;

public class TestProbeTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void ExpectMsg_WrongType_ThrowsWithExpectedAndReceived()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe("p");
        probe.Tell(42);
        kit.AwaitIdle();

        var ex = Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(Short));

        Assert.Equal("/system/p: expected String but received Int32 42.", ex.Message);
    }

    [Fact]
    public void ExpectMsg_NothingArrives_ThrowsWithTheTimeout()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe("p");

        var ex = Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(Short));

        Assert.Equal("/system/p: expected String within 50 ms but received nothing.", ex.Message);
    }

    [Fact]
    public void ExpectMsg_PredicateFails_Throws()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        probe.Tell("abc");
        kit.AwaitIdle();

        Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(s => s.Length == 2, Short));
    }

    [Fact]
    public void ExpectNoMsg_MessageArrives_Throws()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        probe.Tell("unexpected");
        kit.AwaitIdle();

        Assert.Throws<TestKitAssertionException>(() => probe.ExpectNoMsg(Short));
    }

    [Fact]
    public void FishForMessage_OtherMessagesFirst_SkipsToTheMatch()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        probe.Tell("noise");
        probe.Tell(1);
        probe.Tell(2);

        Assert.Equal(2, probe.FishForMessage<int>(n => n > 1));
        Assert.Throws<TestKitAssertionException>(() => probe.FishForMessage<int>(_ => true, Short));
    }

    [Fact]
    public void ReceiveN_TooFewMessages_ThrowsWithWhatArrived()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        probe.Tell("one");
        kit.AwaitIdle();

        var ex = Assert.Throws<TestKitAssertionException>(() => probe.ReceiveN(2, Short));

        Assert.Contains("received 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_AfterReceiving_GoesToTheLastSender()
    {
        using var kit = new ActorTestKit();
        var asker = kit.CreateTestProbe();
        var probe = kit.CreateTestProbe();
        probe.Tell("question", asker);
        probe.ExpectMsg("question");

        probe.Reply("answer");

        asker.ExpectMsg("answer");
        Assert.Same(probe.Ref, asker.LastSender);
    }

    [Fact]
    public void Forward_FromAnActor_KeepsTheOriginalSender()
    {
        using var kit = new ActorTestKit();
        var origin = kit.CreateTestProbe();
        var target = kit.CreateTestProbe();
        var router = kit.ActorOf(Props.Create(() => new ForwardingActor(target)));

        router.Tell("routed", origin);

        target.ExpectMsg("routed");
        Assert.Same(origin, target.LastSender);
    }

    [Fact]
    public void AwaitIdle_HandlerAwaitingForever_ThrowsNamingTheBusyActor()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "busy");
        var gate = new TaskCompletionSource();
        worker.Tell(new Block(gate));
        probe.FishForMessage<string>(s => s == "blocked");

        var ex = Assert.Throws<TestKitAssertionException>(() => kit.AwaitIdle(TimeSpan.FromMilliseconds(100)));

        Assert.Contains("/user/busy", ex.Message, StringComparison.Ordinal);
        gate.SetResult();
    }

    private sealed class ForwardingActor : ReceiveActor
    {
        public ForwardingActor(IActorRef target) => ReceiveAny(m => Context.Forward(target, m));
    }
}

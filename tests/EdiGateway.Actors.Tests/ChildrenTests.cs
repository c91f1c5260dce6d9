using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class ChildrenTests
{
    private sealed record Spawn(string Name);

    private sealed class PartnerActor : ReceiveActor
    {
        public PartnerActor()
        {
            Receive<Spawn>(s => Sender.Tell(Context.ActorOf(Props.Create(() => new EchoActor()), s.Name), Self));
            Receive<string>(name => Sender.Tell(Context.Child(name)?.Path.ToString() ?? "none", Self));
            Receive<IActorRef>(child => Context.Stop(child));
        }
    }

    [Fact]
    public async Task ActorOf_ChildOfTopLevelActor_PathIsHierarchical()
    {
        using var kit = new ActorTestKit();
        var partner = kit.ActorOf(Props.Create(() => new PartnerActor()), "partner-amazon");

        var flow = await partner.Ask<IActorRef>(new Spawn("flow-850"), TimeSpan.FromSeconds(5));

        Assert.Equal("/user/partner-amazon/flow-850", flow.Path.ToString());
        Assert.Equal("flow-850", flow.Path.Name);
        Assert.Equal(partner.Path, flow.Path.Parent);
        Assert.Equal("/user/partner-amazon/flow-850", await partner.Ask<string>("flow-850", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ActorOf_NameTakenByLiveSibling_ThrowsUntilThatSiblingHasStopped()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var first = kit.ActorOf(Props.Create(() => new EchoActor()), "unique");

        Assert.Throws<InvalidActorNameException>(() => kit.ActorOf(Props.Create(() => new EchoActor()), "unique"));
        probe.Watch(first);
        kit.System.Stop(first);
        probe.ExpectTerminated(first);
        kit.AwaitIdle();
        var second = kit.ActorOf(Props.Create(() => new EchoActor()), "unique");

        Assert.NotSame(first, second);
        Assert.Equal("hi", await second.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ActorOf_ParentRecreatesWatchedChildOnTerminated_SameNameIsAccepted()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var keeper = kit.ActorOf(Props.Create(() => new KeeperActor(probe)), "keeper");
        probe.ExpectMsg("/user/keeper/worker");

        for (var i = 0; i < 20; i++)
        {
            keeper.Tell("stop-child");
            probe.ExpectMsg("/user/keeper/worker");
        }

        Assert.Empty(kit.DeadLetters);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("has space")]
    [InlineData("$reserved")]
    public void ActorOf_InvalidName_Throws(string name)
    {
        using var kit = new ActorTestKit();

        Assert.Throws<InvalidActorNameException>(() => kit.ActorOf(Props.Create(() => new EchoActor()), name));
    }

    [Fact]
    public void ActorOf_NoName_GeneratesUniqueNames()
    {
        using var kit = new ActorTestKit();

        var a = kit.ActorOf(Props.Create(() => new EchoActor()));
        var b = kit.ActorOf(Props.Create(() => new EchoActor()));

        Assert.NotEqual(a.Path, b.Path);
        Assert.StartsWith("/user/$", a.Path.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActorBase_CreatedWithNew_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EchoActor());
    }

    /// <summary>Keeps one child named "worker" alive: re-creates it by name on Terminated.</summary>
    private sealed class KeeperActor : ReceiveActor
    {
        private readonly IActorRef _monitor;
        private IActorRef _child = null!;

        public KeeperActor(IActorRef monitor)
        {
            _monitor = monitor;
            Spawn();
            Receive<string>(_ => Context.Stop(_child));
            Receive<Terminated>(_ => Spawn());
        }

        private void Spawn()
        {
            _child = Context.Watch(Context.ActorOf(Props.Create(() => new EchoActor()), "worker"));
            _monitor.Tell(_child.Path.ToString());
        }
    }
}

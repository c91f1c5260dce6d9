using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.Supervision;

public class SupervisionTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    private static SupervisorStrategy Immediate(Func<Exception, Directive> decider) =>
        SupervisorStrategy.OneForOne(decider) with { MinBackoff = TimeSpan.Zero };

    /// <summary>A parent with children "a" and "b" reporting to one probe; "a" gets 2 messages before the failure.</summary>
    private static (ActorTestKit Kit, TestProbe Probe, IActorRef Parent) StartFamily(SupervisorStrategy strategy)
    {
        var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var children = new Dictionary<string, Props> { ["a"] = Worker.Props(probe, "a"), ["b"] = Worker.Props(probe, "b") };
        var parent = kit.ActorOf(Parent.Props(probe, "parent", children, strategy), "parent");
        var started = probe.ReceiveN(3).Cast<Started>().Select(s => s.Tag).Order();
        Assert.Equal(["a", "b", "parent"], started);
        parent.Tell(new ToChild("a", "m1"));
        parent.Tell(new ToChild("b", "m1"));
        parent.Tell(new ToChild("a", "m2"));
        var processed = probe.ReceiveN(3).Cast<Processed>().ToList();
        Assert.Contains(new Processed("a", "m2", 2), processed);
        return (kit, probe, parent);
    }

    private static void AssertSiblingUntouched(TestProbe probe, IActorRef parent)
    {
        parent.Tell(new ToChild("b", "m2"));
        probe.ExpectMsg(new Processed("b", "m2", 2));
    }

    [Fact]
    public void Restart_ChildThrows_InstanceIsRecreatedWithFreshStateAndSiblingKeepsItsState()
    {
        var (kit, probe, parent) = StartFamily(Immediate(_ => Directive.Restart));
        using var _ = kit;
        var failure = new Fail(new InvalidOperationException("boom"));

        parent.Tell(new ToChild("a", failure));

        Assert.Equal(new Restarting("a", nameof(InvalidOperationException), failure), probe.ExpectMsg<Restarting>());
        probe.ExpectMsg(new Stopped("a"));
        probe.ExpectMsg(new Restarted("a"));
        probe.ExpectMsg(new Started("a"));
        parent.Tell(new ToChild("a", "m3"));
        probe.ExpectMsg(new Processed("a", "m3", 1));
        AssertSiblingUntouched(probe, parent);
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/parent/a"));
    }

    [Fact]
    public void Restart_DuringTheBackoff_SiblingKeepsWorkingAndTheFailedChildsQueueWaits()
    {
        var strategy = SupervisorStrategy.OneForOne(_ => Directive.Restart) with { MinBackoff = TimeSpan.FromSeconds(10), RandomFactor = 0 };
        var (kit, probe, parent) = StartFamily(strategy);
        using var _ = kit;

        parent.Tell(new ToChild("a", new Fail(new InvalidOperationException())));
        parent.Tell(new ToChild("a", "waits"));
        for (var i = 2; i <= 5; i++)
        {
            parent.Tell(new ToChild("b", "b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal([2, 3, 4, 5], probe.ReceiveN(4).Cast<Processed>().Select(p => p.Count));
        kit.Advance(TimeSpan.FromSeconds(10));
        probe.FishForMessage<Started>(s => s.Tag == "a");
        probe.ExpectMsg(new Processed("a", "waits", 1));
    }

    [Fact]
    public void Resume_ChildThrows_InstanceAndStateAreKeptAndSiblingUntouched()
    {
        var (kit, probe, parent) = StartFamily(Immediate(_ => Directive.Resume));
        using var _ = kit;

        parent.Tell(new ToChild("a", new Fail(new ArgumentException("bad"))));
        parent.Tell(new ToChild("a", "m3"));

        probe.ExpectMsg(new Processed("a", "m3", 3));
        AssertSiblingUntouched(probe, parent);
        Assert.Equal(0, kit.System.GetMetrics().RestartsOf("/user/parent/a"));
    }

    [Fact]
    public void Stop_ChildThrows_ChildTerminatesQueueIsDeadLetteredAndSiblingUntouched()
    {
        var (kit, probe, parent) = StartFamily(Immediate(_ => Directive.Stop));
        using var _ = kit;
        Assert.True(kit.System.GetMetrics().MailboxDepthByPath.ContainsKey("/user/parent/a"));

        parent.Tell(new ToChild("a", new Fail(new TimeoutException())));

        probe.ExpectMsg(new Stopped("a"));
        AssertSiblingUntouched(probe, parent);
        Assert.False(kit.System.GetMetrics().MailboxDepthByPath.ContainsKey("/user/parent/a"));
    }

    [Fact]
    public void Decide_PerExceptionType_EachTypeGetsItsDirective()
    {
        var decider = Decider.On<TimeoutException>(Directive.Restart)
            .On<ArgumentException>(Directive.Resume)
            .On<InvalidOperationException>(e => e.Message == "fatal" ? Directive.Escalate : Directive.Stop)
            .Otherwise(Directive.Escalate);

        Assert.Equal(Directive.Restart, decider(new TimeoutException()));
        Assert.Equal(Directive.Resume, decider(new ArgumentNullException("x")));
        Assert.Equal(Directive.Stop, decider(new InvalidOperationException("x")));
        Assert.Equal(Directive.Escalate, decider(new InvalidOperationException("fatal")));
        Assert.Equal(Directive.Escalate, decider(new FormatException()));
        Assert.Equal(Directive.Stop, Decider.Default(new ActorInitializationException(ActorPath.Root, new FormatException())));
        Assert.Equal(Directive.Restart, Decider.Default(new FormatException()));
    }

    [Fact]
    public void Escalate_ChildThrows_GrandparentRestartsParentAndParentsSiblingIsUntouched()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var parentProps = Parent.Props(probe, "parent", new Dictionary<string, Props> { ["a"] = Worker.Props(probe, "a") }, Immediate(_ => Directive.Escalate));
        var grandChildren = new Dictionary<string, Props> { ["parent"] = parentProps, ["uncle"] = Worker.Props(probe, "uncle") };
        var root = kit.ActorOf(Parent.Props(probe, "root", grandChildren, Immediate(_ => Directive.Restart)), "root");
        Assert.Equal(4, probe.ReceiveN(4).Count);
        root.Tell(new ToChild("uncle", "u1"));
        probe.ExpectMsg(new Processed("uncle", "u1", 1));

        root.Tell(new ToChild("parent", new ToChild("a", new Fail(new InvalidOperationException("deep")))));

        var restarting = probe.ExpectMsg<Restarting>();
        Assert.Equal("parent", restarting.Tag);
        Assert.Equal(nameof(InvalidOperationException), restarting.Reason);
        var rest = probe.ReceiveN(5).ToList();
        object[] expected = [new Stopped("a"), new Stopped("parent"), new Restarted("parent"), new Started("a"), new Started("parent")];
        Assert.Equal(expected.ToHashSet(), rest.ToHashSet());
        Assert.True(rest.IndexOf(new Stopped("a")) < rest.IndexOf(new Restarted("parent")), "the old child stops before the parent restarts");
        root.Tell(new ToChild("uncle", "u2"));
        probe.FishForMessage<Processed>(p => p.Tag == "uncle" && p.Count == 2);
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/root/parent"));
        Assert.Equal(0, kit.System.GetMetrics().RestartsOf("/user/root/uncle"));
    }

    [Fact]
    public void Escalate_ToGuardian_StopsTheTopLevelActor()
    {
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = Immediate(_ => Directive.Escalate) });
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));
        probe.Watch(worker);

        worker.Tell(new Fail(new InvalidOperationException()));

        probe.ExpectMsg(new Stopped("w"));
        probe.ExpectTerminated(worker);
    }

    [Fact]
    public void Restart_RetriesExhaustedWithStop_ChildIsStopped()
    {
        var strategy = Immediate(_ => Directive.Restart) with { MaxRetries = 2, WhenRetriesExhausted = Directive.Stop };
        var (kit, probe, parent) = StartFamily(strategy);
        using var _ = kit;

        for (var i = 0; i < 3; i++)
        {
            parent.Tell(new ToChild("a", new Fail(new InvalidOperationException())));
        }

        probe.FishForMessage<Restarted>(r => r.Tag == "a");
        probe.FishForMessage<Restarted>(r => r.Tag == "a");
        probe.FishForMessage<Stopped>(s => s.Tag == "a");
        probe.ExpectNoMsg(Short);
        Assert.Equal(2, kit.System.GetMetrics().RestartsOf("/user/parent/a"));
        AssertSiblingUntouched(probe, parent);
    }

    [Fact]
    public void Restart_RetriesExhaustedWithEscalate_ParentIsRestartedByItsSupervisor()
    {
        var strategy = Immediate(_ => Directive.Restart) with { MaxRetries = 1, WhenRetriesExhausted = Directive.Escalate };
        using var kit = new ActorTestKit(o => o with { GuardianStrategy = Immediate(_ => Directive.Restart) });
        var probe = kit.CreateTestProbe();
        var parent = kit.ActorOf(Parent.Props(probe, "parent", new Dictionary<string, Props> { ["a"] = Worker.Props(probe, "a") }, strategy), "parent");
        probe.ReceiveN(2);

        parent.Tell(new ToChild("a", new Fail(new InvalidOperationException())));
        probe.FishForMessage<Started>(s => s.Tag == "a");
        parent.Tell(new ToChild("a", new Fail(new InvalidOperationException())));

        probe.FishForMessage<Restarted>(r => r.Tag == "parent");
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/parent"));
    }

    [Fact]
    public void ActorOf_ConstructorThrows_DefaultDeciderStopsTheActor()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var broken = kit.ActorOf(Props.Create<ReceiveActor>(() => throw new FormatException("bad config")), "broken");
        probe.Watch(broken);

        probe.ExpectTerminated(broken);
    }
}

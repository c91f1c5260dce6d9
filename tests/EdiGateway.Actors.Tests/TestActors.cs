namespace EdiGateway.Actors.Tests;

public sealed record Started(string Tag);

public sealed record Stopped(string Tag);

public sealed record Restarting(string Tag, string Reason, object? FailedMessage);

public sealed record Restarted(string Tag);

public sealed record Processed(string Tag, object Message, int Count);

public sealed record Fail(Exception Exception);

public sealed record ToChild(string Name, object Message);

public sealed record GetCount;

public sealed record Block(TaskCompletionSource Gate);

/// <summary>Replies every message to its sender.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Swallows everything without answering.</summary>
public sealed class SilentActor : ReceiveActor
{
    public SilentActor() => ReceiveAny(_ => { });
}

/// <summary>Reports its lifecycle hooks to a monitor (a probe) under a tag.</summary>
public abstract class ReportingActor : ReceiveActor
{
    protected ReportingActor(IActorRef monitor, string tag)
    {
        Monitor = monitor;
        Tag = tag;
    }

    protected IActorRef Monitor { get; }

    protected string Tag { get; }

    protected override void PreStart() => Monitor.Tell(new Started(Tag));

    protected override void PostStop() => Monitor.Tell(new Stopped(Tag));

    protected override void PreRestart(Exception reason, object? message)
    {
        Monitor.Tell(new Restarting(Tag, reason.GetType().Name, message));
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        Monitor.Tell(new Restarted(Tag));
        base.PostRestart(reason);
    }
}

/// <summary>Counts messages (state lost on restart), throws on <see cref="Fail"/>, blocks on <see cref="Block"/>.</summary>
public sealed class Worker : ReportingActor
{
    private int _count;

    public Worker(IActorRef monitor, string tag)
        : base(monitor, tag)
    {
        Receive<Fail>(f => throw f.Exception);
        Receive<GetCount>(_ => Sender.Tell(_count, Self));
        ReceiveAsync<Block>(async b =>
        {
            Monitor.Tell("blocked");
            await b.Gate.Task;
        });
        ReceiveAny(m =>
        {
            _count++;
            Monitor.Tell(new Processed(Tag, m, _count));
        });
    }

    public static Props Props(IActorRef monitor, string tag) => Actors.Props.Create(() => new Worker(monitor, tag));
}

/// <summary>Creates the given children in PreStart and routes <see cref="ToChild"/> to them.</summary>
public sealed class Parent : ReportingActor
{
    private readonly IReadOnlyDictionary<string, Props> _children;

    public Parent(IActorRef monitor, string tag, IReadOnlyDictionary<string, Props> children)
        : base(monitor, tag)
    {
        _children = children;
        Receive<ToChild>(m => Context.Child(m.Name)!.Tell(m.Message, Sender));
        Receive<Fail>(f => throw f.Exception);
    }

    public static Props Props(IActorRef monitor, string tag, IReadOnlyDictionary<string, Props> children, SupervisorStrategy strategy) =>
        Actors.Props.Create(() => new Parent(monitor, tag, children)).WithSupervisorStrategy(strategy);

    protected override void PreStart()
    {
        foreach (var (name, props) in _children)
        {
            Context.ActorOf(props, name);
        }

        base.PreStart();
    }
}

using System.Globalization;
using System.Threading.Channels;
using EdiGateway.Actors.Internal;

namespace EdiGateway.Actors.TestKit;

/// <summary>
/// An actor reference that records what it receives, for assertions (<c>ExpectMsg</c>, <c>ExpectNoMsg</c>,
/// <c>FishForMessage</c>, <c>ReceiveN</c>). Use it as a sender to capture replies, or watch actors with it.
/// Waits are in real time (actors run on the thread pool); the system clock is not involved.
/// </summary>
public sealed partial class TestProbe : IInternalActorRef
{
    private static long s_counter;
    private readonly Channel<ReceivedMessage> _queue = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly IInternalActorRef _inner;

    internal TestProbe(ActorSystem system, string? name, TimeSpan defaultTimeout)
    {
        System = system;
        DefaultTimeout = defaultTimeout;
        name ??= "testProbe-" + Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture);
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(_queue.Writer)), name);
        _inner = Ref.AsInternal();
    }

    /// <summary>The probe's actor reference (the probe itself can be used wherever an <see cref="IActorRef"/> is expected).</summary>
    public IActorRef Ref { get; }

    /// <inheritdoc />
    public ActorPath Path => Ref.Path;

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>Timeout of expectations that do not give one.</summary>
    public TimeSpan DefaultTimeout { get; set; }

    /// <summary>The sender of the last message taken from the probe (null if it had none).</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>The last message taken from the probe.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Messages received but not yet taken by an expectation.</summary>
    public int PendingCount => _queue.Reader.Count;

    IInternalActorRef IInternalActorRef.Underlying => _inner;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    /// <inheritdoc />
    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default) =>
        Ref.TellAsync(message, sender, cancellationToken);

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => _inner.SendSystemMessage(message);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to <see cref="LastSender"/> with the probe as sender.</summary>
    public void Reply(object message)
    {
        var sender = LastSender ?? throw new TestKitAssertionException("Reply: the last message taken from the probe had no sender.");
        sender.Tell(message, Ref);
    }

    /// <summary>Sends the last message on to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        var message = LastMessage ?? throw new TestKitAssertionException("Forward: no message has been taken from the probe yet.");
        target.Tell(message, LastSender);
    }

    /// <summary>The probe receives <see cref="Terminated"/> when <paramref name="actor"/> stops.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        Ref.Tell(new ProbeWatch(actor, Watch: true));
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        Ref.Tell(new ProbeWatch(actor, Watch: false));
        return actor;
    }

    /// <inheritdoc />
    public override string ToString() => Path.ToString();
}

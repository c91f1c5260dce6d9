using System.Collections.Concurrent;
using System.Threading.Channels;

namespace EdiGateway.Actors.Internal;

/// <summary>
/// The runtime part of one actor: mailbox, system queue, current instance, children, watchers, timers and stash.
/// All mutable state except the two queues is touched only by the actor's own message loop.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly ActorCell? _parent;
    private readonly Props _props;
    private readonly Channel<Envelope> _mailbox;
    private readonly ConcurrentQueue<SystemMessage> _systemQueue = new();
    private readonly AsyncSignal _signal = new();
    private readonly LinkedList<Envelope> _priority = new();
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimerScheduler _timers;

    private ActorBase? _actor;
    private Envelope _current;
    private bool _hasCurrent;
    private volatile bool _writerClosed;
    private int _terminated;

    public ActorCell(ActorSystem system, ActorPath path, Props props, ActorCell? parent)
    {
        System = system;
        Path = path;
        _props = props;
        _parent = parent;
        Self = new LocalActorRef(this);
        _timers = new TimerScheduler(this);
        _mailbox = props.Mailbox.Capacity is { } capacity
            ? Channel.CreateBounded<Envelope>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = false,
                SingleWriter = false,
            })
            : Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    }

    /// <summary>The cell whose actor instance is being constructed on this thread (read by <see cref="ActorBase"/>).</summary>
    public static ActorCell? Constructing => t_constructing;

    public ActorPath Path { get; }

    public ActorSystem System { get; }

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => CurrentSender ?? System.DeadLetters;

    public IActorRef? CurrentSender => _hasCurrent ? _current.Sender : null;

    public IActorRef Parent => (IActorRef?)_parent?.Self ?? System.DeadLetters;

    public ITimerScheduler Timers => _timers;

    public bool IsTerminated => Volatile.Read(ref _terminated) != 0;

    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>Queued user messages (mailbox and unstashed/priority queue), for metrics.</summary>
    public int MailboxDepth => _mailbox.Reader.Count + _priority.Count;

    public void Start() => _ = Task.Run(RunAsync);

    public void Post(Envelope envelope)
    {
        if (_mailbox.Writer.TryWrite(envelope))
        {
            System.NoteActivity();
            return;
        }

        var reason = _writerClosed || IsTerminated ? DeadLetterReason.RecipientTerminated : DeadLetterReason.MailboxFull;
        System.PublishDeadLetter(envelope.Message, envelope.Sender, Self, reason);
    }

    public async ValueTask PostAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        if (_props.Mailbox.Capacity is null || _props.Mailbox.WhenFull == MailboxFullMode.DropToDeadLetters)
        {
            Post(envelope);
            return;
        }

        try
        {
            await _mailbox.Writer.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
            System.NoteActivity();
        }
        catch (ChannelClosedException)
        {
            System.PublishDeadLetter(envelope.Message, envelope.Sender, Self, DeadLetterReason.RecipientTerminated);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is TerminateActor)
        {
            // The cut-off of a stop is the moment it is requested: later messages are dead letters.
            CloseMailbox();
        }

        _systemQueue.Enqueue(message);
        System.NoteActivity();
        if (IsTerminated)
        {
            DrainSystemQueueAfterDeath();
        }
        else
        {
            _signal.Set();
        }
    }

    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, CurrentSender);
    }

    public IActorRef Watch(IActorRef actor)
    {
        var target = actor.AsInternal();
        if (!ReferenceEquals(target, Self) && _watching.Add(target))
        {
            target.SendSystemMessage(new WatchActor(Self));
        }

        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        var target = actor.AsInternal();
        if (_watching.Remove(target))
        {
            target.SendSystemMessage(new UnwatchActor(Self));
        }

        return actor;
    }

    public override string ToString() => Path.ToString();

    private ActorBase Construct()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            return _props.Factory();
        }
        finally
        {
            t_constructing = previous;
        }
    }

    private void CloseMailbox()
    {
        _writerClosed = true;
        _mailbox.Writer.TryComplete();
    }
}

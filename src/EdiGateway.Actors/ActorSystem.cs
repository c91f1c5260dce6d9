using System.Collections.Concurrent;
using EdiGateway.Actors.Internal;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Actors;

/// <summary>
/// The root of an actor hierarchy: top-level actors live under <c>/user</c>. It owns the clock, the logger,
/// the dead-letter record and the metrics, and terminates gracefully (children first) with <see cref="Terminate"/>.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ActorCell> _cells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _restarts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly Random? _random;
    private readonly object _randomGate = new();
    private long _activity;
    private int _terminating;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory.CreateLogger("EdiGateway.Actors");
        _random = options.Random;
        DeadLetterLog = new DeadLetterLog(options.DeadLetterHistory);
        DeadLetters = new DeadLetterActorRef(this);
        _userGuardian = StartGuardian("user", Props.Create(() => new GuardianActor()).WithSupervisorStrategy(options.GuardianStrategy));
        _systemGuardian = StartGuardian("system", Props.Create(() => new GuardianActor()));
        Log.SystemStarted(Logger, name);
    }

    /// <summary>The system's name (used in logs).</summary>
    public string Name { get; }

    /// <summary>The options it was created with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>The clock of timers, backoffs and ask timeouts.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A reference that records everything told to it as a dead letter; the <c>Sender</c> of messages without one.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Every undeliverable message: history, count and observable stream.</summary>
    public DeadLetterLog DeadLetterLog { get; }

    /// <summary>Completes when <see cref="Terminate"/> has finished.</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    internal ILogger Logger { get; }

    /// <summary>Creates and starts a system named <paramref name="name"/>.</summary>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        if (!ActorPath.IsValidName(name))
        {
            throw new ArgumentException($"Invalid actor system name '{name}'.", nameof(name));
        }

        options ??= new ActorSystemOptions();
        options.GuardianStrategy.Validate();
        return new ActorSystem(name, options);
    }

    /// <summary>Creates a top-level actor at <c>/user/{name}</c>; names are unique among live top-level actors.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Stops <paramref name="actor"/> after its current message; its queue and anything told later go to dead letters.</summary>
    public void Stop(IActorRef actor) => actor.AsInternal().SendSystemMessage(new TerminateActor(Drain: false));

    /// <summary>A snapshot of restarts, dead letters and mailbox depths.</summary>
    public ActorSystemMetrics GetMetrics()
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, cell) in _cells)
        {
            depths[path] = cell.MailboxDepth;
        }

        return new ActorSystemMetrics(new Dictionary<string, long>(_restarts, StringComparer.Ordinal), DeadLetterLog.TotalCount, depths);
    }

    /// <summary>
    /// Stops every actor, children before parents. From the call on, messages to user actors are dead letters;
    /// each actor finishes its current message, then handles (Drain) or dead-letters (Drop) what was queued,
    /// per <see cref="ActorSystemOptions.TerminationMode"/>. Completes when all have stopped.
    /// </summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _ = TerminateCoreAsync();
        }

        return _whenTerminated.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <summary>Creates an actor under <c>/system</c> (test probes and runtime helpers).</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    private async Task TerminateCoreAsync()
    {
        var drain = Options.TerminationMode == TerminationMode.Drain;
        Log.SystemTerminating(Logger, Name, Options.TerminationMode);

        // Every user actor stops taking messages now; each finishes its current one, then drains or drops.
        foreach (var cell in _cells.Values)
        {
            if (cell.Path.Depth > 1 && cell.Path.ToString().StartsWith("/user/", StringComparison.Ordinal))
            {
                cell.SendSystemMessage(new TerminateActor(drain));
            }
        }

        _userGuardian.SendSystemMessage(new TerminateActor(drain));
        await _userGuardian.WhenTerminated.ConfigureAwait(false);
        _systemGuardian.SendSystemMessage(new TerminateActor(drain));
        await _systemGuardian.WhenTerminated.ConfigureAwait(false);
        Log.SystemTerminated(Logger, Name);
        _whenTerminated.TrySetResult();
    }

    private ActorCell StartGuardian(string name, Props props)
    {
        var cell = new ActorCell(this, ActorPath.Root.Child(name), props, parent: null);
        Register(cell);
        cell.Start();
        return cell;
    }

    /// <summary>The guardians only supervise; a message sent to them is unhandled.</summary>
    private sealed class GuardianActor : ActorBase
    {
        protected override Task OnReceive(object message)
        {
            Unhandled(message);
            return Task.CompletedTask;
        }
    }
}

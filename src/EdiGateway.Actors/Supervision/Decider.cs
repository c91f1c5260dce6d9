using System.Collections.Immutable;

namespace EdiGateway.Actors;

/// <summary>
/// Builds a decider (exception to <see cref="Directive"/>) from rules tried in registration order:
/// <c>Decider.On&lt;TransportException&gt;(e =&gt; e.IsTransient ? Directive.Restart : Directive.Stop).Otherwise(Directive.Escalate)</c>.
/// </summary>
public static class Decider
{
    /// <summary>
    /// Akka's default: <see cref="ActorInitializationException"/> and <see cref="DeathPactException"/> stop the child,
    /// any other exception restarts it.
    /// </summary>
    public static Func<Exception, Directive> Default { get; } = ex => ex switch
    {
        ActorInitializationException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Starts a rule list with a fixed directive for <typeparamref name="TException"/> (and subclasses).</summary>
    public static DeciderBuilder On<TException>(Directive directive)
        where TException : Exception => new DeciderBuilder(ImmutableArray<Func<Exception, Directive?>>.Empty).On<TException>(directive);

    /// <summary>Starts a rule list that inspects <typeparamref name="TException"/> (e.g. its <c>IsTransient</c>).</summary>
    public static DeciderBuilder On<TException>(Func<TException, Directive> decide)
        where TException : Exception => new DeciderBuilder(ImmutableArray<Func<Exception, Directive?>>.Empty).On(decide);
}

/// <summary>An immutable list of exception rules; finish it with <see cref="Otherwise"/>.</summary>
public sealed class DeciderBuilder
{
    private readonly ImmutableArray<Func<Exception, Directive?>> _rules;

    internal DeciderBuilder(ImmutableArray<Func<Exception, Directive?>> rules) => _rules = rules;

    /// <summary>Adds a fixed directive for <typeparamref name="TException"/> (and subclasses).</summary>
    public DeciderBuilder On<TException>(Directive directive)
        where TException : Exception => On<TException>(_ => directive);

    /// <summary>Adds a rule that inspects <typeparamref name="TException"/>.</summary>
    public DeciderBuilder On<TException>(Func<TException, Directive> decide)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(decide);
        return new DeciderBuilder(_rules.Add(ex => ex is TException typed ? decide(typed) : null));
    }

    /// <summary>The finished decider; <paramref name="fallback"/> applies when no rule matches.</summary>
    public Func<Exception, Directive> Otherwise(Directive fallback)
    {
        var rules = _rules;
        return ex =>
        {
            foreach (var rule in rules)
            {
                if (rule(ex) is { } directive)
                {
                    return directive;
                }
            }

            return fallback;
        };
    }
}

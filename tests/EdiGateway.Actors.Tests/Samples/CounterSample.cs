using System.Collections.Immutable;

namespace EdiGateway.Actors.Tests.Samples;

// The house style on top of the runtime: pure Decide/Apply functions, and a thin actor that only stores and replies.

public interface ICounterCommand;

public sealed record Increment(int By) : ICounterCommand;

public sealed record GetValue : ICounterCommand;

public sealed record ValueResponse(int Value);

public sealed record Incremented(int By);

public sealed record Rejected(string Reason);

public sealed record CounterState(int Value, int Changes)
{
    public static CounterState Empty { get; } = new(0, 0);
}

/// <summary>A decision: the events to apply and the reply to send (if any).</summary>
public sealed record Decision(ImmutableArray<Incremented> Events, object? Reply);

public static class CounterRules
{
    public static Decision Decide(CounterState state, ICounterCommand command) => command switch
    {
        Increment { By: <= 0 } => new Decision([], new Rejected("increment must be positive")),
        Increment inc when state.Value + inc.By > 100 => new Decision([], new Rejected("limit 100")),
        Increment inc => new Decision([new Incremented(inc.By)], new ValueResponse(state.Value + inc.By)),
        GetValue => new Decision([], new ValueResponse(state.Value)),
        _ => new Decision([], null),
    };

    public static CounterState Apply(CounterState state, Incremented e) => state with { Value = state.Value + e.By, Changes = state.Changes + 1 };
}

/// <summary>The actor only runs Decide, folds the events with Apply and replies.</summary>
public sealed class CounterActor : ReceiveActor
{
    private CounterState _state = CounterState.Empty;

    public CounterActor() => Receive<ICounterCommand>(command =>
    {
        var decision = CounterRules.Decide(_state, command);
        _state = decision.Events.Aggregate(_state, CounterRules.Apply);
        if (decision.Reply is { } reply)
        {
            Sender.Tell(reply, Self);
        }
    });
}

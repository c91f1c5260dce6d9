using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.Samples;

public class CounterSampleTests
{
    [Fact]
    public void Decide_ValidIncrement_EmitsEventAndReplyWithoutAnActorSystem()
    {
        var decision = CounterRules.Decide(new CounterState(5, 1), new Increment(3));

        Assert.Equal(new Incremented(3), Assert.Single(decision.Events));
        Assert.Equal(new ValueResponse(8), decision.Reply);
    }

    [Theory]
    [InlineData(0, "increment must be positive")]
    [InlineData(96, "limit 100")]
    public void Decide_InvalidIncrement_RejectsWithoutEvents(int by, string reason)
    {
        var decision = CounterRules.Decide(new CounterState(5, 1), new Increment(by));

        Assert.Empty(decision.Events);
        Assert.Equal(new Rejected(reason), decision.Reply);
    }

    [Fact]
    public void Apply_Event_FoldsIntoState()
    {
        Assert.Equal(new CounterState(7, 2), CounterRules.Apply(new CounterState(5, 1), new Incremented(2)));
    }

    [Fact]
    public async Task CounterActor_Commands_RepliesFromTheDecisions()
    {
        using var kit = new ActorTestKit();
        var counter = kit.ActorOf(Props.Create(() => new CounterActor()), "counter");
        var timeout = TimeSpan.FromSeconds(5);

        Assert.Equal(new ValueResponse(4), await counter.Ask<ValueResponse>(new Increment(4), timeout));
        Assert.Equal(new Rejected("limit 100"), await counter.Ask<Rejected>(new Increment(100), timeout));
        Assert.Equal(new ValueResponse(4), await counter.Ask<ValueResponse>(new GetValue(), timeout));
    }
}

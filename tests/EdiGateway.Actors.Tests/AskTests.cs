using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class AskTests
{
    private sealed class RefusingActor : ReceiveActor
    {
        public RefusingActor()
        {
            Receive<string>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused")), Self));
            Receive<int>(_ => Sender.Tell("not an int", Self));
        }
    }

    [Fact]
    public async Task Ask_ActorReplies_ReturnsTypedReply()
    {
        using var kit = new ActorTestKit();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()));

        Assert.Equal("ping", await echo.Ask<string>("ping", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_NoReply_ThrowsAskTimeoutExceptionOnlyOnceTheFakeClockPassesTheTimeout()
    {
        using var kit = new ActorTestKit();
        var silent = kit.ActorOf(Props.Create(() => new SilentActor()), "silent");

        var task = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(5));
        kit.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(task.IsCompleted);
        kit.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Equal(silent.Path, ex.Target);
        Assert.Equal(typeof(string), ex.MessageType);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.Timeout);
    }

    [Fact]
    public async Task Ask_NoReplyOnTheSystemClock_ThrowsAskTimeoutException()
    {
        await using var system = ActorSystem.Create("realtime");
        var silent = system.ActorOf(Props.Create(() => new SilentActor()), "silent");

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("anyone?", TimeSpan.FromMilliseconds(50)));

        Assert.Equal("Ask of String to /user/silent timed out after 50 ms", ex.Message);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FaultsWithTheCause()
    {
        using var kit = new ActorTestKit();
        var actor = kit.ActorOf(Props.Create(() => new RefusingActor()));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("x", TimeSpan.FromSeconds(5)));
        Assert.Equal("refused", ex.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfAnotherType_ThrowsInvalidCastException()
    {
        using var kit = new ActorTestKit();
        var actor = kit.ActorOf(Props.Create(() => new RefusingActor()));

        await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<int>(1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_StoppedActor_MessageIsDeadLetteredAndAskTimesOut()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()));
        probe.Watch(echo);
        kit.System.Stop(echo);
        probe.ExpectTerminated(echo);

        var task = echo.Ask<string>("late", TimeSpan.FromSeconds(1));
        var letter = kit.ExpectDeadLetter<string>(m => m == "late");
        kit.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Equal(DeadLetterReason.RecipientTerminated, letter.Reason);
        Assert.StartsWith("/temp/ask-", letter.Sender!.Path.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Cancelled_TaskIsCancelled()
    {
        using var kit = new ActorTestKit();
        var silent = kit.ActorOf(Props.Create(() => new SilentActor()));
        using var cts = new CancellationTokenSource();

        var task = silent.Ask<string>("x", TimeSpan.FromMinutes(1), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}

using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.DeadLetters;

public class DeadLetterTests
{
    private sealed record Order(int Number);

    private sealed class CollectingObserver : IObserver<DeadLetter>
    {
        public List<DeadLetter> Seen { get; } = [];

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DeadLetter value)
        {
            lock (Seen)
            {
                Seen.Add(value);
            }
        }
    }

    [Fact]
    public void Tell_ToStoppedActor_RecordsSenderRecipientTypeAndReason()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");
        probe.Watch(echo);
        kit.System.Stop(echo);
        probe.ExpectTerminated(echo);

        echo.Tell(new Order(42), probe);

        var letter = Assert.Single(kit.DeadLetters);
        Assert.Equal(new Order(42), letter.Message);
        Assert.Equal(typeof(Order), letter.MessageType);
        Assert.Same(probe, letter.Sender);
        Assert.Same(echo, letter.Recipient);
        Assert.Equal(DeadLetterReason.RecipientTerminated, letter.Reason);
        Assert.Equal(kit.Clock.GetUtcNow(), letter.At);
        Assert.Equal(1, kit.System.GetMetrics().DeadLetters);
    }

    [Fact]
    public void DeadLetterLog_Subscribed_ObserverSeesEachLetterUntilDisposed()
    {
        using var kit = new ActorTestKit();
        var observer = new CollectingObserver();
        var subscription = kit.System.DeadLetterLog.Subscribe(observer);

        kit.System.DeadLetters.Tell(new Order(1));
        subscription.Dispose();
        kit.System.DeadLetters.Tell(new Order(2));

        var seen = Assert.Single(observer.Seen);
        Assert.Equal(DeadLetterReason.NoRecipient, seen.Reason);
        Assert.Equal(2, kit.System.DeadLetterLog.TotalCount);
    }

    [Fact]
    public void DeadLetterLog_MoreThanTheHistory_KeepsTheNewestAndCountsAll()
    {
        using var kit = new ActorTestKit(o => o with { DeadLetterHistory = 3 });

        for (var i = 1; i <= 5; i++)
        {
            kit.System.DeadLetters.Tell(new Order(i));
        }

        Assert.Equal([new Order(3), new Order(4), new Order(5)], kit.DeadLetters.Select(d => d.Message));
        Assert.Equal(5, kit.System.DeadLetterLog.TotalCount);
    }

    [Fact]
    public void PoisonPill_MessagesBeforeAreHandledMessagesAfterAreDeadLettered()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w"), "w");
        probe.ExpectMsg(new Started("w"));

        worker.Tell(new Order(1));
        worker.Tell(PoisonPill.Instance);
        worker.Tell(new Order(2));

        probe.ExpectMsg(new Processed("w", new Order(1), 1));
        probe.ExpectMsg(new Stopped("w"));
        var letter = kit.ExpectDeadLetter<Order>();
        Assert.Equal(new Order(2), letter.Message);
    }

    [Fact]
    public void Reply_ToMessageWithoutSender_GoesToDeadLetters()
    {
        using var kit = new ActorTestKit();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");

        echo.Tell(new Order(7));

        var letter = kit.ExpectDeadLetter<Order>();
        Assert.Equal(DeadLetterReason.NoRecipient, letter.Reason);
        Assert.Same(echo, letter.Sender);
    }

    [Fact]
    public void Unhandled_MessageWithoutHandler_IsRecordedAsUnhandled()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var timersOnly = kit.ActorOf(Props.Create(() => new StringOnlyActor()), "strings");

        timersOnly.Tell(new Order(3), probe);

        var letter = kit.ExpectDeadLetter<Order>();
        Assert.Equal(DeadLetterReason.Unhandled, letter.Reason);
        Assert.Same(timersOnly, letter.Recipient);
    }

    [Fact]
    public void Tell_BoundedMailboxFullWithDropMode_OverflowIsDeadLettered()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w").WithBoundedMailbox(2, MailboxFullMode.DropToDeadLetters), "w");
        probe.ExpectMsg(new Started("w"));
        var gate = new TaskCompletionSource();
        worker.Tell(new Block(gate));
        probe.ExpectMsg("blocked");

        for (var i = 1; i <= 4; i++)
        {
            worker.Tell(new Order(i));
        }

        Assert.Equal([new Order(3), new Order(4)], kit.DeadLetters.Select(d => d.Message));
        Assert.All(kit.DeadLetters, d => Assert.Equal(DeadLetterReason.MailboxFull, d.Reason));
        Assert.Equal(2, kit.System.GetMetrics().MailboxDepthByPath["/user/w"]);
        gate.SetResult();
        Assert.Equal([new Order(1), new Order(2)], probe.ReceiveN(2).Cast<Processed>().Select(p => p.Message));
    }

    [Fact]
    public async Task TellAsync_BoundedMailboxFullWithWaitMode_WaitsForRoomInsteadOfDropping()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var worker = kit.ActorOf(Worker.Props(probe, "w").WithBoundedMailbox(1), "w");
        probe.ExpectMsg(new Started("w"));
        var gate = new TaskCompletionSource();
        worker.Tell(new Block(gate));
        probe.ExpectMsg("blocked");
        worker.Tell(new Order(1));

        var pending = worker.TellAsync(new Order(2)).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        worker.Tell(new Order(99));
        gate.SetResult();
        await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([new Order(1), new Order(2)], probe.ReceiveN(2).Cast<Processed>().Select(p => p.Message));
        Assert.Equal(DeadLetterReason.MailboxFull, kit.ExpectDeadLetter<Order>(o => o.Number == 99).Reason);
    }

    private sealed class StringOnlyActor : ReceiveActor
    {
        public StringOnlyActor() => Receive<string>(_ => { });
    }
}

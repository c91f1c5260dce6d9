using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests;

public class MessageOrderingTests
{
    private sealed record Seq(int Sender, int Number);

    private sealed class ConcurrencyProbeActor : ReceiveActor
    {
        private int _inFlight;
        private int _maxInFlight;

        public ConcurrencyProbeActor()
        {
            ReceiveAsync<int>(async _ =>
            {
                _maxInFlight = Math.Max(_maxInFlight, Interlocked.Increment(ref _inFlight));
                await Task.Yield();
                Interlocked.Decrement(ref _inFlight);
            });
            Receive<string>(_ => Sender.Tell(_maxInFlight, Self));
        }
    }

    [Fact]
    public void Tell_ManyMessagesFromOneSender_ArriveInSendOrder()
    {
        using var kit = new ActorTestKit();
        var probe = kit.CreateTestProbe();
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()), "echo");

        for (var i = 0; i < 2000; i++)
        {
            echo.Tell(i, probe);
        }

        Assert.Equal(Enumerable.Range(0, 2000).Cast<object>(), probe.ReceiveN(2000));
    }

    [Fact]
    public async Task Tell_TwoConcurrentSenders_EachSendersOrderIsKept()
    {
        using var kit = new ActorTestKit();
        var probes = new[] { kit.CreateTestProbe(), kit.CreateTestProbe() };
        var echo = kit.ActorOf(Props.Create(() => new EchoActor()));

        await Task.WhenAll(Enumerable.Range(0, 2).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                echo.Tell(new Seq(s, i), probes[s]);
            }
        })));

        for (var s = 0; s < 2; s++)
        {
            var numbers = probes[s].ReceiveN(500).Cast<Seq>().Select(m => m.Number);
            Assert.Equal(Enumerable.Range(0, 500), numbers);
        }
    }

    [Fact]
    public async Task OnReceive_AsyncHandlers_NeverRunConcurrently()
    {
        using var kit = new ActorTestKit();
        var actor = kit.ActorOf(Props.Create(() => new ConcurrencyProbeActor()));

        for (var i = 0; i < 200; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(1, await actor.Ask<int>("max?", TimeSpan.FromSeconds(30)));
    }
}

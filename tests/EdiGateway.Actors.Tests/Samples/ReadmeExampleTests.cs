using EdiGateway.Actors.TestKit;

namespace EdiGateway.Actors.Tests.Samples;

// The README example (src/EdiGateway.Actors/README.md), compiled and exercised: parent with a flow child,
// supervision with backoff, a periodic timer, PipeTo and Ask.
public class ReadmeExampleTests
{
    public sealed record Inbound(string FileName);

    public sealed record Parsed(string FileName, int Documents);

    public sealed record GetStatus;

    public sealed record StatusResponse(int Files);

    public sealed record PollTick;

    public sealed class PartnerActor : ReceiveActor
    {
        public PartnerActor(Func<string, Task<int>> parse, IActorRef pollMonitor)
        {
            var flow = Context.ActorOf(Props.Create(() => new FlowActor(parse)), "flow-850");
            Receive<Inbound>(m => Context.Forward(flow, m));
            Receive<PollTick>(t => pollMonitor.Tell(t));
            Receive<GetStatus>(m => Context.Forward(flow, m));
        }

        protected override SupervisorStrategy SupervisorStrategy { get; } = SupervisorStrategy.OneForOne(
            Decider.On<IOException>(Directive.Restart)
                   .On<ArgumentException>(Directive.Resume)
                   .Otherwise(Directive.Escalate)) with
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromMinutes(5),
            RandomFactor = 0.2,
            MaxRetries = 10,
            RetryWindow = TimeSpan.FromMinutes(10),
            WhenRetriesExhausted = Directive.Escalate,
        };

        protected override void PreStart() =>
            Context.Timers.StartPeriodicTimer("poll", new PollTick(), TimeSpan.FromMinutes(1));
    }

    public sealed class FlowActor : ReceiveActor
    {
        private int _files;

        public FlowActor(Func<string, Task<int>> parse)
        {
            Receive<Inbound>(m =>
            {
                var replyTo = Sender;
                parse(m.FileName).PipeTo(Self, replyTo, documents => new Parsed(m.FileName, documents));
            });
            Receive<Parsed>(p =>
            {
                _files++;
                Sender.Tell(p, Self);
            });
            Receive<Status.Failure>(f => throw f.Cause);
            Receive<GetStatus>(_ => Sender.Tell(new StatusResponse(_files), Self));
        }
    }

    private static Task<int> ParseAsync(string fileName) => fileName.StartsWith("bad", StringComparison.Ordinal)
        ? Task.FromException<int>(new IOException("share offline"))
        : Task.FromResult(fileName.Length);

    [Fact]
    public async Task PartnerWithFlow_ParseFailAndPoll_BehavesAsTheReadmeSays()
    {
        using var kit = new ActorTestKit(o => o with { Random = new Random(3) });
        var polls = kit.CreateTestProbe();
        var amazon = kit.ActorOf(Props.Create(() => new PartnerActor(ParseAsync, polls)), "partner-amazon");
        var timeout = TimeSpan.FromSeconds(30);

        Assert.Equal(new Parsed("850_0001.edi", 12), await amazon.Ask<Parsed>(new Inbound("850_0001.edi"), timeout));
        Assert.Equal(new StatusResponse(1), await amazon.Ask<StatusResponse>(new GetStatus(), timeout));

        amazon.Tell(new Inbound("bad.edi"));
        kit.AwaitIdle();
        var status = amazon.Ask<StatusResponse>(new GetStatus(), timeout);
        kit.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(status.IsCompleted);
        kit.Advance(TimeSpan.FromMilliseconds(201));
        Assert.Equal(new StatusResponse(0), await status);
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/partner-amazon/flow-850"));

        kit.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1200));
        polls.ExpectMsg<PollTick>();
    }

    [Fact]
    public void Flow_ShareOffline_RestartsAfterTheBackoff()
    {
        using var kit = new ActorTestKit(o => o with { Random = new Random(42) });
        var probe = kit.CreateTestProbe();
        var partner = kit.ActorOf(Props.Create(() => new PartnerActor(ParseAsync, kit.System.DeadLetters)), "partner-amazon");

        partner.Tell(new Inbound("bad.edi"), probe);
        kit.Advance(TimeSpan.FromMilliseconds(1200));
        partner.Tell(new Inbound("850_0001.edi"), probe);

        probe.ExpectMsg<Parsed>(p => p.Documents == 12);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, kit.System.GetMetrics().RestartsOf("/user/partner-amazon/flow-850"));
        Assert.Empty(kit.DeadLetters);
    }
}

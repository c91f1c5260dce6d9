using System.Threading.Channels;

namespace EdiGateway.Actors.TestKit;

/// <summary>A message as a probe received it.</summary>
internal readonly record struct ReceivedMessage(object Message, IActorRef? Sender);

/// <summary>Asks the probe's actor to watch or unwatch an actor (death watch is actor-side state).</summary>
internal sealed record ProbeWatch(IActorRef Target, bool Watch);

/// <summary>The actor behind a <see cref="TestProbe"/>: copies every message (Terminated included) to the probe's queue.</summary>
internal sealed class ProbeActor(ChannelWriter<ReceivedMessage> queue) : ActorBase
{
    protected override Task OnReceive(object message)
    {
        if (message is ProbeWatch watch)
        {
            if (watch.Watch)
            {
                Context.Watch(watch.Target);
            }
            else
            {
                Context.Unwatch(watch.Target);
            }

            return Task.CompletedTask;
        }

        var sender = ReferenceEquals(Context.Sender, Context.System.DeadLetters) ? null : Context.Sender;
        queue.TryWrite(new ReceivedMessage(message, sender));
        return Task.CompletedTask;
    }
}

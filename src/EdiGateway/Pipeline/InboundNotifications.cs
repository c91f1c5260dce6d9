namespace EdiGateway.Pipeline;

/// <summary>
/// Tells the pipeline that a transport stored something. Transports publish from wherever they run; the
/// pipeline subscribes once its actors are up. Nothing is lost while nobody listens: stored messages stay
/// in the lineage in state <c>stored</c> and the pipeline picks them up when it starts.
/// </summary>
public sealed class InboundNotifications
{
    private volatile Action<InboundStored>? subscriber;

    public void Subscribe(Action<InboundStored> handler) => subscriber = handler;

    public void Unsubscribe() => subscriber = null;

    public void Publish(InboundStored stored) => subscriber?.Invoke(stored);
}

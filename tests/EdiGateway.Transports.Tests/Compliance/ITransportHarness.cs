namespace EdiGateway.Transports.Tests.Compliance;

/// <summary>One transport wired in loopback (our sender to our receiver) for the shared compliance suite.</summary>
public interface ITransportHarness : IAsyncDisposable
{
    Support.RecordingSink Sink { get; }

    /// <summary>Sends a document through the transport's outbound side, retrying per its settings.</summary>
    Task SendAsync(string name, byte[] content);

    /// <summary>Runs the receiving side once (poll); AS2 receives on arrival, so this only returns.</summary>
    Task ReceiveAsync();

    /// <summary>Restarts the server and recreates the transport objects; durable state (dedupe, stores) is kept.</summary>
    Task RestartAsync();

    /// <summary>Makes the far side unavailable (server down).</summary>
    Task BreakAsync();

    /// <summary>Makes the far side available again.</summary>
    Task RepairAsync();

    /// <summary>Delivers the last sent document again as the partner would on a resend.</summary>
    Task DeliverDuplicateAsync(string name, byte[] content);
}

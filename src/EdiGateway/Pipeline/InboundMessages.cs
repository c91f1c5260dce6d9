namespace EdiGateway.Pipeline;

/// <summary>Bytes a transport has stored durably (a transport-message lineage row), ready to be read as X12.</summary>
public sealed record InboundStored(long TransportLineageId, string DocumentSha256, string ChannelPartnerId, string? FileName);

/// <summary>An accepted transaction set on its way to its flow actor.</summary>
public sealed record TransactionSetAccepted(string PartnerId, string Flow, string SetId, long LineageId, string DocumentSha256);

/// <summary>What one stored inbound document became.</summary>
public sealed record InboundProcessed(
    long TransportLineageId,
    int Interchanges,
    int SetsAccepted,
    int SetsRejected,
    int Duplicates,
    int AcknowledgementsSent,
    IReadOnlyList<TransactionSetAccepted> Routed);

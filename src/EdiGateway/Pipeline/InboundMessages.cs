namespace EdiGateway.Pipeline;

/// <summary>Bytes a transport has stored durably (a transport-message lineage row), ready to be read as X12.</summary>
/// <param name="TransportLineageId">The transport-message lineage row holding the stored bytes.</param>
/// <param name="DocumentSha256">Address of the bytes in the document store.</param>
/// <param name="ChannelPartnerId">The partner whose channel (folder, server, AS2 endpoint) delivered them.</param>
/// <param name="FileName">File name as delivered, if any.</param>
/// <param name="ReplacesInterchangeId">Set when a person replaced a rejected interchange with an edited copy: an envelope
/// duplicate of that interchange is then processed instead of refused.</param>
public sealed record InboundStored(long TransportLineageId, string DocumentSha256, string ChannelPartnerId, string? FileName, long? ReplacesInterchangeId = null);

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

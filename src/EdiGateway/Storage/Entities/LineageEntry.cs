namespace EdiGateway.Storage.Entities;

/// <summary>
/// One row of the lineage log: an interchange, group, transaction set, acknowledgement, outbound file,
/// transport message or ERP posting, linked to its parent. "Everything about PO X" is a walk over these rows.
/// </summary>
public sealed class LineageEntry
{
    public long Id { get; set; }

    public long? ParentId { get; set; }

    public required LineageKind Kind { get; set; }

    public required Direction Direction { get; set; }

    /// <summary>Trading partner id (the folder name under partners/), null while a sender is unidentified.</summary>
    public string? PartnerId { get; set; }

    /// <summary>Flow name such as amazon-850 or warehouse-945.</summary>
    public string? Flow { get; set; }

    public required string State { get; set; }

    /// <summary>The stored bytes this entry is about, if any.</summary>
    public string? DocumentSha256 { get; set; }

    /// <summary>X12 document type (850, 997 ...) or another short type name.</summary>
    public string? DocumentType { get; set; }

    public string? SenderQualifier { get; set; }

    public string? SenderId { get; set; }

    public string? ReceiverQualifier { get; set; }

    public string? ReceiverId { get; set; }

    /// <summary>ISA13.</summary>
    public string? InterchangeControlNumber { get; set; }

    /// <summary>GS06.</summary>
    public string? GroupControlNumber { get; set; }

    /// <summary>ST02.</summary>
    public string? TransactionSetControlNumber { get; set; }

    public string? PurchaseOrderNumber { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? ShipmentId { get; set; }

    public string? BillOfLading { get; set; }

    /// <summary>Position among its parent's children of the same kind (set 3 of an interchange): unique, so a step is recorded once.</summary>
    public int? Ordinal { get; set; }

    /// <summary>The document's money value (PO total, invoice total, remittance paid) for value-at-risk and reports.</summary>
    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>When the next step is due (855 within 24 h, 997 within the window ...); overdue entries are queued.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Plain-words error text when the entry failed.</summary>
    public string? Error { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every update.</summary>
    public long Version { get; set; }
}

/// <summary>What a lineage row stands for.</summary>
public enum LineageKind
{
    Interchange = 1,
    FunctionalGroup = 2,
    TransactionSet = 3,
    Acknowledgement = 4,
    OutboundFile = 5,
    ErpPosting = 6,
    TransportMessage = 7,
    Document = 8,
}

/// <summary>Which way the bytes travel, seen from the gateway.</summary>
public enum Direction
{
    Inbound = 1,
    Outbound = 2,
    Internal = 3,
}

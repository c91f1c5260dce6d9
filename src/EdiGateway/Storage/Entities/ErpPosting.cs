namespace EdiGateway.Storage.Entities;

/// <summary>
/// The local record of one ERP write (a Sage sales order, despatch, receipt ...). The unique index on
/// (system, company, external id) is what makes a posting happen at most once.
/// </summary>
public sealed class ErpPosting
{
    public long Id { get; set; }

    /// <summary>e.g. sage200.</summary>
    public required string System { get; init; }

    /// <summary>Sage company id.</summary>
    public required string Company { get; init; }

    /// <summary>Channel-prefixed external id, e.g. AMZ-PO12345 (also written to customer_document_no).</summary>
    public required string ExternalId { get; init; }

    /// <summary>What kind of write: sales-order, despatch, receipt ...</summary>
    public required string Kind { get; init; }

    public required string State { get; set; }

    /// <summary>The id the ERP gave the record once posted.</summary>
    public string? ErpReference { get; set; }

    public long? LineageEntryId { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

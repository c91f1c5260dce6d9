namespace EdiGateway.Storage.Entities;

/// <summary>
/// An extra business key on a lineage entry (ASN number, Sage order number, storefront order id ...), so that
/// search finds documents by keys the fixed columns do not name.
/// </summary>
public sealed class LineageKey
{
    public long Id { get; set; }

    public required long LineageEntryId { get; set; }

    public required string Name { get; set; }

    public required string Value { get; set; }
}

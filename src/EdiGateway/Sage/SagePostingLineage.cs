using System.Collections.Concurrent;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Sage;

/// <summary>
/// The lineage side of Sage postings: one <see cref="LineageKind.ErpPosting"/> row per posting under the
/// transaction set's row (ordinal 1, so a resubmission finds the same row), and the key -> row map the store and
/// the event sink share while the process runs (after a restart the map is rebuilt from erp_postings).
/// </summary>
public sealed class SagePostingLineage(LineageLog lineage)
{
    /// <summary>Lineage state of a posting handed to the posting actor.</summary>
    public const string Submitted = "submitted";

    private readonly ConcurrentDictionary<string, long> rows = new(StringComparer.Ordinal);

    /// <summary>The posting's lineage row if this process created or looked it up.</summary>
    public long? Known(string key) => rows.TryGetValue(key, out var id) ? id : null;

    public void Remember(string key, long lineageRowId) => rows[key] = lineageRowId;

    /// <summary>Creates (once) the ErpPosting row under <paramref name="parentLineageId"/>; returns its id.</summary>
    public async Task<long> EnsureRowAsync(long parentLineageId, string key, CancellationToken ct)
    {
        var parent = await lineage.GetAsync(parentLineageId, ct)
            ?? throw new ArgumentException($"lineage entry {parentLineageId} does not exist", nameof(parentLineageId));
        var (id, _) = await lineage.AddStepAsync(
            new LineageEntry
            {
                ParentId = parent.Id,
                Ordinal = 1,
                Kind = LineageKind.ErpPosting,
                Direction = Direction.Outbound,
                PartnerId = parent.PartnerId,
                Flow = parent.Flow,
                State = Submitted,
                DocumentType = "sage200.sales-order",
                PurchaseOrderNumber = parent.PurchaseOrderNumber,
                Amount = parent.Amount,
                Currency = parent.Currency,
                CreatedAt = default,
                UpdatedAt = default,
            },
            new Dictionary<string, string> { ["sagePostingKey"] = key },
            ct);
        Remember(key, id);
        return id;
    }

    /// <summary>The lineage entry a posting was submitted for (the parent of its ErpPosting row), or null.</summary>
    public async Task<long?> ParentOfAsync(string key, SageIdempotencyStore store, CancellationToken ct)
    {
        var rowId = Known(key) ?? await store.FindLineageIdAsync(key, ct);
        if (rowId is not { } id)
        {
            return null;
        }

        Remember(key, id);
        return (await lineage.GetAsync(id, ct))?.ParentId;
    }
}

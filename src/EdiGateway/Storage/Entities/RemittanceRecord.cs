namespace EdiGateway.Storage.Entities;

/// <summary>
/// One Amazon remittance by (partner, payment trace TRN02): the plan frozen when it first tied out, and where its
/// posting to Sage stands. The unique key is what makes a remittance post once however often its 820 arrives.
/// </summary>
public sealed class RemittanceRecord
{
    public long Id { get; set; }

    public required string PartnerId { get; init; }

    /// <summary>TRN02, the payment trace number.</summary>
    public required string TraceNumber { get; init; }

    /// <summary>The 820 set that planned it; its postings hang under this lineage row.</summary>
    public required long LineageEntryId { get; init; }

    /// <summary>Sage company the plan posts to.</summary>
    public required string Company { get; init; }

    /// <summary>posting or posted.</summary>
    public required string State { get; set; }

    /// <summary>BPR02.</summary>
    public required decimal Paid { get; init; }

    public string? Currency { get; init; }

    /// <summary>The <c>RemittancePlan</c> as JSON (a retry posts exactly this, even after allocations changed Sage).</summary>
    public required string PlanJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One Sage write of a remittance (a receipt, an allocation or a deduction's bank payment): started before the call,
/// done with Sage's URN after it. A step found started after a crash is looked up in Sage before it is sent again.
/// </summary>
public sealed class RemittanceStep
{
    public long Id { get; set; }

    public required long RemittanceId { get; init; }

    /// <summary>Position in the plan: receipts, then allocations, then deductions.</summary>
    public required int Ordinal { get; init; }

    /// <summary>receipt, allocation, deduction.</summary>
    public required string Kind { get; init; }

    /// <summary>pending, started, done.</summary>
    public required string State { get; set; }

    /// <summary>Value of the write (a negative deduction is a bank receipt back).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Customer account (receipt, allocation) or the Amazon reference (deduction).</summary>
    public required string Reference { get; init; }

    public string? NominalCode { get; init; }

    /// <summary>second_reference written to Sage, unique within the remittance: how a lost answer is found again.</summary>
    public required string SageReference { get; init; }

    public string? SageUrn { get; set; }

    /// <summary>The receipt's sales_posted_transactions id (allocations need it).</summary>
    public long? PostedTransactionId { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }
}

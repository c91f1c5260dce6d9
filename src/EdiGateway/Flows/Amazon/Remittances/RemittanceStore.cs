using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Flows.Amazon.Remittances;

/// <summary>
/// The remittances table: a plan is frozen once per (partner, TRN02) with its steps; each step is marked started
/// before its Sage call and done with the URN after, so a restart knows exactly which writes may need a look-up.
/// </summary>
public sealed class RemittanceStore(IDbContextFactory<GatewayDbContext> factory, TimeProvider clock)
{
    public const string Posting = "posting";
    public const string Posted = "posted";
    public const string StepPending = "pending";
    public const string StepStarted = "started";
    public const string StepDone = "done";

    public async Task<RemittanceRecord?> FindAsync(string partnerId, string traceNumber, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<RemittanceRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.PartnerId == partnerId && r.TraceNumber == traceNumber, ct);
    }

    /// <summary>Freezes the plan and its steps in one transaction; when another run froze it first, returns that one.</summary>
    public async Task<RemittanceRecord> CreateAsync(RemittanceRecord record, IReadOnlyList<PlannedStep> steps, CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Set<RemittanceRecord>().Add(record);
            await db.SaveChangesAsync(ct);
            foreach (var step in steps)
            {
                db.Set<RemittanceStep>().Add(new RemittanceStep
                {
                    RemittanceId = record.Id,
                    Ordinal = step.Ordinal,
                    Kind = step.Kind,
                    State = StepPending,
                    Amount = step.Amount,
                    Reference = step.Reference,
                    NominalCode = step.NominalCode,
                    SageReference = step.SageReference,
                    UpdatedAt = clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return record;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return await FindAsync(record.PartnerId, record.TraceNumber, ct)
                ?? throw new InvalidOperationException($"remittance {record.TraceNumber} of {record.PartnerId} is neither new nor stored", ex);
        }
    }

    public async Task<IReadOnlyList<RemittanceStep>> StepsAsync(long remittanceId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<RemittanceStep>().AsNoTracking().Where(s => s.RemittanceId == remittanceId).OrderBy(s => s.Ordinal).ToListAsync(ct);
    }

    /// <summary>Marks a step started (one more attempt) before its Sage call.</summary>
    public Task StartAsync(long stepId, CancellationToken ct) => UpdateAsync(stepId, s =>
    {
        s.State = StepStarted;
        s.Attempts++;
        s.LastError = null;
    }, ct);

    public Task DoneAsync(long stepId, string? urn, long? postedTransactionId, CancellationToken ct) => UpdateAsync(stepId, s =>
    {
        s.State = StepDone;
        s.SageUrn = urn;
        s.PostedTransactionId = postedTransactionId ?? s.PostedTransactionId;
        s.LastError = null;
    }, ct);

    public Task FailedAsync(long stepId, string error, CancellationToken ct) => UpdateAsync(stepId, s => s.LastError = error, ct);

    public async Task CompleteAsync(long remittanceId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await db.Set<RemittanceRecord>().SingleAsync(r => r.Id == remittanceId, ct);
        record.State = Posted;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task UpdateAsync(long stepId, Action<RemittanceStep> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var step = await db.Set<RemittanceStep>().SingleAsync(s => s.Id == stepId, ct);
        change(step);
        step.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}

using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

public sealed partial class ExceptionQueue
{
    /// <summary>One page of entries matching the filter, newest first, with the total count.</summary>
    public async Task<ExceptionPage> ListAsync(ExceptionFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Exceptions.AsNoTracking().AsQueryable();
        if (filter.Queue is { } q)
        {
            query = query.Where(e => e.Queue == q);
        }

        if (filter.PartnerId is { } partner)
        {
            query = query.Where(e => e.PartnerId == partner);
        }

        if (filter.Flow is { } flow)
        {
            query = query.Where(e => e.Flow == flow);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(e => e.Severity >= severity);
        }

        if (filter.State is { } state)
        {
            query = query.Where(e => e.State == state);
        }

        if (filter.OlderThan is { } age)
        {
            var cutoff = clock.GetUtcNow() - age;
            query = query.Where(e => e.CreatedAt <= cutoff);
        }

        if (filter.NewerThan is { } newer)
        {
            var cutoff = clock.GetUtcNow() - newer;
            query = query.Where(e => e.CreatedAt >= cutoff);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            query = query.Where(e => e.Message.ToLower().Contains(text) || e.ReasonCode.ToLower().Contains(text));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(e => e.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(ct);
        return new ExceptionPage(items, total, filter.Page, filter.PageSize);
    }
}

/// <summary>What to list from the exception queue. Severity means "at least this severe".</summary>
public sealed record ExceptionFilter(
    string? Queue = null,
    string? PartnerId = null,
    string? Flow = null,
    Severity? Severity = null,
    ExceptionState? State = null,
    TimeSpan? OlderThan = null,
    TimeSpan? NewerThan = null,
    string? Text = null,
    int Page = 1,
    int PageSize = 50);

/// <summary>A page of exception entries.</summary>
public sealed record ExceptionPage(IReadOnlyList<ExceptionEntry> Items, int Total, int Page, int PageSize);

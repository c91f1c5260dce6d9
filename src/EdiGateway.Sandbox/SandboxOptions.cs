namespace EdiGateway.Sandbox;

/// <summary>Settings of the Sage 200 SANDBOX (section "Sandbox"); never a real ledger.</summary>
public sealed class SandboxOptions
{
    /// <summary>SQLite file holding the sandbox company (created and seeded when missing).</summary>
    public string DatabasePath { get; set; } = "edigw-sandbox-sage200.db";

    /// <summary>OAuth client id the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>OAuth client secret the token endpoint accepts (empty = public client).</summary>
    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Lifetime of issued access tokens.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Whether the API user has override_prices_discounts (else prices come from the product list price).</summary>
    public bool OverridePricesDiscounts { get; set; } = true;

    /// <summary>Without the permission: true = 400, false = silently re-price (real behaviour unknown).</summary>
    public bool RejectPriceWithoutPermission { get; set; }

    /// <summary>sop_settings.allocate_stock_on_order_entry.</summary>
    public bool AllocateStockOnOrderEntry { get; set; } = true;

    /// <summary>sop_settings.update_stock_on_despatch.</summary>
    public bool UpdateStockOnDespatch { get; set; } = true;

    /// <summary>Faults active from start-up (changeable through /sandbox/admin/faults).</summary>
    public SandboxFaults Faults { get; set; } = new();
}

/// <summary>Fault injection settings (rates are 0..1 per write request).</summary>
public sealed record SandboxFaults
{
    /// <summary>Share of writes refused with a lock message (record open in the desktop).</summary>
    public double LockErrorRate { get; init; }

    /// <summary>Share of writes that commit and then answer only after <see cref="TimeoutAfterCommitMs"/>.</summary>
    public double TimeoutAfterCommitRate { get; init; }

    /// <summary>How long a "timeout after commit" answer is held back.</summary>
    public int TimeoutAfterCommitMs { get; init; } = 30_000;

    /// <summary>Share of requests answered 503 before doing anything.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Added latency on every API request.</summary>
    public int LatencyMs { get; init; }

    /// <summary>The next N writes answer 500 after committing nothing.</summary>
    public int FailNextWrites { get; init; }

    /// <summary>The next N writes are refused with a lock message.</summary>
    public int LockNextWrites { get; init; }

    /// <summary>The next N writes commit and then hang for <see cref="TimeoutAfterCommitMs"/>.</summary>
    public int TimeoutNextWrites { get; init; }

    /// <summary>The next N writes commit and then drop the connection without an answer.</summary>
    public int DropNextWrites { get; init; }

    /// <summary>The next N requests answer 429 with Retry-After (⚠ whether Sage throttles with 429 is unknown).</summary>
    public int ThrottleNextRequests { get; init; }

    /// <summary>Seed of the fault dice (fixed for repeatable runs).</summary>
    public int Seed { get; init; } = 1729;
}

using System.Text.Json.Serialization;

namespace EdiGateway.Sage200.Models;

/// <summary>GET /sites item: the X-Site / X-Company values.</summary>
public sealed record SageSite
{
    public int CompanyId { get; init; }
    public string? CompanyName { get; init; }
    public string SiteId { get; init; } = "";
    public string? SiteName { get; init; }
    public string? SiteShortName { get; init; }
}

/// <summary>GET /tax_codes item; lines take <see cref="Id"/>, not <see cref="Code"/>.</summary>
public sealed record SageTaxCode
{
    public long Id { get; init; }
    public int Code { get; init; }
    public string Name { get; init; } = "";
    public decimal TaxRate { get; init; }
}

/// <summary>GET /nominal_codes item.</summary>
public sealed record SageNominalCode
{
    public long Id { get; init; }
    public string Reference { get; init; } = "";
    public string? Name { get; init; }
    public string? CostCentreCode { get; init; }
    public string? DepartmentCode { get; init; }
    public string? AccountStatusType { get; init; }
    public bool? AllowManualJournalEntries { get; init; }
}

/// <summary>GET /banks item (the clearing bank is one of these).</summary>
public sealed record SageBank
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string? Description { get; init; }
    public string? SortCode { get; init; }
    public string? AccountNo { get; init; }
    public string? BankAccountNominalReference { get; init; }
    public decimal? Balance { get; init; }
}

/// <summary>GET /sop_settings item: settings that change what a POST does.</summary>
public sealed record SageSopSettings
{
    public long Id { get; init; }
    public bool AutoGenerateOrderReturnNumbers { get; init; }
    public bool AllocateStockOnOrderEntry { get; init; }
    public bool UpdateStockOnDespatch { get; init; }
    public bool ArePricesTaxInclusive { get; init; }
    public bool AllowCashOrders { get; init; }
    public long? CashOrderAccountId { get; init; }
}

/// <summary>Ledger postings answer with a URN only.</summary>
public sealed record SageUrn
{
    [JsonPropertyName("urn")]
    public string Urn { get; init; } = "";
}

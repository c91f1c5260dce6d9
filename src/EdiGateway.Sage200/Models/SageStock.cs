namespace EdiGateway.Sage200.Models;

/// <summary>/products resource (code = SKU, max 30).</summary>
public sealed record SageProduct
{
    public long? Id { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Barcode { get; init; }
    public bool? AllowSalesOrder { get; init; }
    public long? ProductGroupId { get; init; }
    public long? TaxCodeId { get; init; }
    public string? ProductStatusType { get; init; }
    public decimal? FreeStockQuantity { get; init; }
    public long? BaseUnitId { get; init; }
    public long? StockUnitId { get; init; }
}

/// <summary>/warehouses resource; only trading warehouses count towards sellable stock.</summary>
public sealed record SageWarehouse
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? WarehouseType { get; init; }
    public bool? UseForSalesTrading { get; init; }
}

/// <summary>/warehouse_holdings resource; quantities in the product's stock unit (5dp).</summary>
public sealed record SageWarehouseHolding
{
    public long Id { get; init; }
    public long ProductId { get; init; }
    public long WarehouseId { get; init; }
    public decimal ConfirmedQtyInStock { get; init; }
    public decimal UnconfirmedQtyInStock { get; init; }
    public decimal QuantityInStock { get; init; }
    public decimal QuantityAllocated { get; init; }
    public decimal QuantityReserved { get; init; }
    public decimal? FreeStockAvailable { get; init; }
    public DateTimeOffset? DateTimeUpdated { get; init; }

    /// <summary>The gateway's own availability: on hand minus allocations (not Sage's figure).</summary>
    public decimal Available => QuantityInStock - QuantityAllocated;
}

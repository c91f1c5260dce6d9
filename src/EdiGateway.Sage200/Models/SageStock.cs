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

/// <summary>POST /customer_price_enquiry body: the price Sage would charge this customer for a product.</summary>
public sealed record SageCustomerPriceEnquiryRequest
{
    /// <summary>customer_id (required).</summary>
    public required long CustomerId { get; init; }
    /// <summary>product_id (required).</summary>
    public required long ProductId { get; init; }
    /// <summary>quantity (5 dp): quantity breaks apply.</summary>
    public decimal? Quantity { get; init; }
    /// <summary>selling_unit_id; the product's default selling unit when absent.</summary>
    public long? SellingUnitId { get; init; }
}

/// <summary>POST /customer_price_enquiry answer (prices 2 dp, per selling unit).</summary>
public sealed record SageCustomerPriceEnquiry
{
    public long? CustomerId { get; init; }
    public long? ProductId { get; init; }
    public long? SellingUnitId { get; init; }
    public string? SellingUnit { get; init; }
    /// <summary>selling_unit_multiple: how many base units one selling unit holds.</summary>
    public decimal? SellingUnitMultiple { get; init; }
    public decimal? Quantity { get; init; }
    public string? CurrencyName { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? DiscountedUnitPrice { get; init; }
    public decimal? TotalDiscountedPrice { get; init; }
}

/// <summary>POST /stock_transfers body (and answer, whose published schema is empty; the contract marks the four ids/quantity required): moves stock between two bin holdings of a product (quantity in stock units, 5dp).</summary>
public sealed record SageStockTransfer
{
    public long? ProductId { get; init; }
    public long? BinHoldingFromId { get; init; }
    public long? BinHoldingToId { get; init; }
    public decimal? Quantity { get; init; }
    public DateTimeOffset? Date { get; init; }
    /// <summary>reference (max 20).</summary>
    public string? Reference { get; init; }
    /// <summary>second_reference (max 20).</summary>
    public string? SecondReference { get; init; }
}

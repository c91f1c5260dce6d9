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

/// <summary>/bin_holdings resource: a product's stock in one bin of a warehouse holding (quantities in stock units, 5dp).</summary>
public sealed record SageBinHolding
{
    public long Id { get; init; }
    public long WarehouseHoldingId { get; init; }
    public long ProductId { get; init; }
    /// <summary>name (max 20): the bin.</summary>
    public string? Name { get; init; }
    public long? AllocationPriority { get; init; }
    public decimal ConfirmedQtyInStock { get; init; }
    public decimal UnconfirmedQtyInStock { get; init; }
    public decimal QuantityInStock { get; init; }
    public decimal QuantityAllocated { get; init; }
    public decimal QuantityReserved { get; init; }
    public decimal? FreeStockAvailable { get; init; }
    public DateTimeOffset? LastStocktake { get; init; }
    public DateTimeOffset? DateTimeUpdated { get; init; }
}

/// <summary>
/// /stocktakes resource (and the body of /stocktake_new_items and the stage POSTs). Items are chosen at "Selecting
/// Items" through <see cref="StocktakeItems"/> (named by position: their ids are read-only), counted afterwards
/// through <see cref="StocktakeCountSheetItems"/>.
/// </summary>
public sealed record SageStocktake
{
    /// <summary>id: read-only, yet "required for other POST operations that retrieve stocktake records".</summary>
    public long? Id { get; init; }
    /// <summary>stocktake_name (max 60).</summary>
    public string? StocktakeName { get; init; }
    public long? WarehouseId { get; init; }
    public string? WarehouseName { get; init; }
    public DateTimeOffset? StocktakeDate { get; init; }
    /// <summary>stocktake_type (max 50), e.g. "By Stock Item" (⚠ exact texts unpublished).</summary>
    public string? StocktakeType { get; init; }
    public string? StocktakeStatus { get; init; }
    public bool? ShowExpectedQuantities { get; init; }
    public long? StockVarianceNominalCodeId { get; init; }
    /// <summary>nominal_narrative (max 6000): settable at Requires Approval only.</summary>
    public string? NominalNarrative { get; init; }
    public bool? AdvanceStatus { get; init; }
    public IReadOnlyList<SageStocktakeItem>? StocktakeItems { get; init; }
    public IReadOnlyList<SageStocktakeFailedItem>? FailedStocktakeItems { get; init; }
    public IReadOnlyList<SageStocktakeCountSheetItem>? StocktakeCountSheetItems { get; init; }
}

/// <summary>stocktake.stocktake_items[]: everything read-only except is_selected (a request leaves the read-only ones null).</summary>
public sealed record SageStocktakeItem
{
    public long? StocktakeItemId { get; init; }
    public long? WarehouseHoldingId { get; init; }
    public string? ItemCode { get; init; }
    public string? BinName { get; init; }
    public decimal? QuantityInStock { get; init; }
    public bool? IsSelected { get; init; }
}

/// <summary>stocktake.failed_stocktake_items[]: items that could not be selected.</summary>
public sealed record SageStocktakeFailedItem(string? ItemCode, string? BinName);

/// <summary>/stocktake_count_sheet_items resource: writable actual_quantity_in_stock, actual_quantity_entered, discrepancy_narrative.</summary>
public sealed record SageStocktakeCountSheetItem
{
    public long? Id { get; init; }
    public long? StocktakeId { get; init; }
    public long? BinItemId { get; init; }
    public string? ItemCode { get; init; }
    /// <summary>recorded_quantity_in_stock: returned only when the stocktake shows expected quantities.</summary>
    public decimal? RecordedQuantityInStock { get; init; }
    public string? DiscrepancyStatus { get; init; }
    public bool? ActualQuantityEntered { get; init; }
    public decimal? ActualQuantityInStock { get; init; }
    /// <summary>discrepancy_narrative (max 6000).</summary>
    public string? DiscrepancyNarrative { get; init; }
}

/// <summary>Outcome of a stocktake adjustment: the counted figures and the stocktake that posted them.</summary>
public sealed record SageStockAdjustmentResult(long StocktakeId, string ProductCode, long WarehouseId, decimal RecordedQuantity, decimal ActualQuantity, string? Status)
{
    /// <summary>actual − recorded: what the stocktake moved on hand by.</summary>
    public decimal Variance => ActualQuantity - RecordedQuantity;
}

using EdiGateway.Flows.Common;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;

namespace EdiGateway.Flows.Amazon;

/// <summary>The Sage ids an Amazon order needs: the FC's customer account, each product and the warehouse its lines use.</summary>
public sealed record AmazonSageIds(long CustomerId, long WarehouseId, IReadOnlyDictionary<string, SageProduct> Products);

/// <summary>
/// Reads from Sage what the order rules decide with: the customer's price per each (<c>POST /customer_price_enquiry</c>,
/// Sage's own price bands and discounts) and on hand and allocated per product in the order's warehouse
/// (<c>/warehouse_holdings</c>: availability is on hand minus allocated, never Sage's free-stock figure). A missing
/// account, product or warehouse is a problem naming it, not an exception.
/// </summary>
public static class AmazonSageLookup
{
    /// <summary>Looks up the ids for <paramref name="resolved"/>'s account and products in warehouse <paramref name="warehouseName"/>.</summary>
    public static async Task<FlowResult<AmazonSageIds>> IdsAsync(Sage200Client sage, ResolvedOrder resolved, string warehouseName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sage);
        ArgumentNullException.ThrowIfNull(resolved);
        var problems = new List<FlowProblem>();
        var customer = await sage.FindCustomerByReferenceAsync(resolved.ShipTo.SageAccount, ct);
        if (customer?.Id is not long customerId)
        {
            problems.Add(new("SageAccountUnknown", $"Sage has no customer account '{resolved.ShipTo.SageAccount}' (FC {resolved.ShipTo.FcCode} in the ship-to table)"));
            customerId = 0;
        }

        long warehouseId = 0;
        await foreach (var w in sage.GetWarehousesAsync(ct))
        {
            if (string.Equals(w.Name, warehouseName, StringComparison.OrdinalIgnoreCase))
            {
                warehouseId = w.Id;
            }
        }

        if (warehouseId == 0)
        {
            problems.Add(new("SageWarehouseUnknown", $"Sage has no warehouse named '{warehouseName}' (setting sageWarehouse)"));
        }

        var products = new Dictionary<string, SageProduct>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in resolved.Lines)
        {
            if (products.ContainsKey(line.SageProductCode))
            {
                continue;
            }

            if (await sage.FindProductByCodeAsync(line.SageProductCode, ct) is { Id: not null } product)
            {
                products[line.SageProductCode] = product;
            }
            else
            {
                problems.Add(new("SageProductUnknown", $"Sage has no product '{line.SageProductCode}' (the items table maps PO line {line.LineNumber} to it)", line.LineNumber));
            }
        }

        return problems.Count > 0 ? FlowResult<AmazonSageIds>.Fail(problems) : FlowResult<AmazonSageIds>.Ok(new AmazonSageIds(customerId, warehouseId, products));
    }

    /// <summary>Sage's price per each (stock unit) for the customer, by product code.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> PricesPerEachAsync(Sage200Client sage, AmazonSageIds ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sage);
        ArgumentNullException.ThrowIfNull(ids);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, product) in ids.Products)
        {
            var answer = await sage.GetCustomerPriceAsync(new SageCustomerPriceEnquiryRequest
            {
                CustomerId = ids.CustomerId,
                ProductId = product.Id!.Value,
                Quantity = 1,
                SellingUnitId = product.StockUnitId,
            }, ct);
            if (answer.Value is { } p && (p.DiscountedUnitPrice ?? p.UnitPrice) is decimal price && price > 0)
            {
                prices[code] = Math.Round(price / (p.SellingUnitMultiple is > 0 and var m ? m : 1m), 5, MidpointRounding.AwayFromZero);
            }
        }

        return prices;
    }

    /// <summary>On hand and allocated per product code in the order's warehouse (stock units = eaches).</summary>
    public static async Task<IReadOnlyDictionary<string, StockPosition>> AvailabilityAsync(Sage200Client sage, AmazonSageIds ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sage);
        ArgumentNullException.ThrowIfNull(ids);
        var byId = ids.Products.ToDictionary(p => p.Value.Id!.Value, p => p.Key);
        var positions = new Dictionary<string, StockPosition>(StringComparer.Ordinal);
        foreach (var code in ids.Products.Keys)
        {
            positions[code] = new StockPosition(0, 0);
        }

        await foreach (var h in sage.GetWarehouseHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("warehouse_id", ids.WarehouseId) }, cancellationToken: ct))
        {
            if (byId.TryGetValue(h.ProductId, out var code))
            {
                positions[code] = new StockPosition(h.QuantityInStock, h.QuantityAllocated);
            }
        }

        return positions;
    }

    /// <summary>The draft as a <c>POST /sop_orders</c> body with Sage ids.</summary>
    public static SageSopOrder ToSageOrder(SageSalesOrderDraft draft, AmazonSageIds ids)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(ids);
        var a = draft.DeliveryAddress;
        return new SageSopOrder
        {
            CustomerId = ids.CustomerId,
            CustomerDocumentNo = draft.CustomerDocumentNo,
            DocumentDate = draft.DocumentDate,
            RequestedDeliveryDate = draft.RequestedDeliveryDate,
            UseInvoiceAddress = draft.UseInvoiceAddress,
            IsToSequenceLines = draft.IsToSequenceLines,
            AnalysisCode1 = draft.AnalysisCode1,
            DeliveryAddress = new Sage200.Models.SageDeliveryAddress
            {
                PostalName = a.PostalName, Address1 = a.Address1, Address2 = a.Address2, Address3 = a.Address3, Address4 = a.Address4,
                City = a.City, County = a.County, Country = a.Country, Postcode = a.Postcode, Contact = a.Contact,
            },
            Lines = [.. draft.Lines.Select(l => new SageSopOrderLine
            {
                LineType = SageLineType.Standard,
                ProductId = ids.Products[l.ProductCode].Id,
                WarehouseId = ids.WarehouseId,
                LineQuantity = l.LineQuantity,
                SellingUnitId = ids.Products[l.ProductCode].StockUnitId,
                SellingUnitPrice = l.SellingUnitPrice,
                TaxCodeId = ids.Products[l.ProductCode].TaxCodeId,
                DespatchNoteComment = l.DespatchNoteComment,
            })],
        };
    }
}

using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;

namespace EdiGateway.Sage200.Client;

public sealed partial class Sage200Client
{
    /// <summary>GET /sites: the X-Site / X-Company pairs this token may use.</summary>
    public Task<IReadOnlyList<SageSite>> GetSitesAsync(CancellationToken cancellationToken) => GetPageAsync<SageSite>("/sites", null, cancellationToken);

    /// <summary>GET /sop_settings (read at start-up: numbering, allocation, stock-on-despatch).</summary>
    public async Task<SageSopSettings?> GetSopSettingsAsync(CancellationToken cancellationToken) =>
        (await GetPageAsync<SageSopSettings>("/sop_settings", null, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>All tax codes (cache code → id per company).</summary>
    public IAsyncEnumerable<SageTaxCode> GetTaxCodesAsync(CancellationToken cancellationToken = default) => GetAllAsync<SageTaxCode>("/tax_codes", null, cancellationToken: cancellationToken);

    /// <summary>All nominal codes.</summary>
    public IAsyncEnumerable<SageNominalCode> GetNominalCodesAsync(CancellationToken cancellationToken = default) => GetAllAsync<SageNominalCode>("/nominal_codes", null, cancellationToken: cancellationToken);

    /// <summary>All bank accounts.</summary>
    public IAsyncEnumerable<SageBank> GetBanksAsync(CancellationToken cancellationToken = default) => GetAllAsync<SageBank>("/banks", null, cancellationToken: cancellationToken);

    /// <summary>Customers matching a query, every page.</summary>
    public IAsyncEnumerable<SageCustomer> GetCustomersAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) => GetAllAsync<SageCustomer>("/customers", query, cancellationToken: cancellationToken);

    /// <summary>Finds a customer by account code (reference, max 8).</summary>
    public async Task<SageCustomer?> FindCustomerByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        (await GetPageAsync<SageCustomer>("/customers", new ODataQuery { Filter = ODataFilter.Eq("reference", reference) }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>POST /customers.</summary>
    public Task<SageWriteResult<SageCustomer>> CreateCustomerAsync(SageCustomer customer, CancellationToken cancellationToken) =>
        WriteAsync<SageCustomer, SageCustomer>(HttpMethod.Post, "/customers", customer, cancellationToken);

    /// <summary>Products matching a query, every page.</summary>
    public IAsyncEnumerable<SageProduct> GetProductsAsync(ODataQuery? query = null, CancellationToken cancellationToken = default) => GetAllAsync<SageProduct>("/products", query, cancellationToken: cancellationToken);

    /// <summary>Finds a product by SKU (code, max 30).</summary>
    public async Task<SageProduct?> FindProductByCodeAsync(string code, CancellationToken cancellationToken) =>
        (await GetPageAsync<SageProduct>("/products", new ODataQuery { Filter = ODataFilter.Eq("code", code) }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>All warehouses.</summary>
    public IAsyncEnumerable<SageWarehouse> GetWarehousesAsync(CancellationToken cancellationToken = default) => GetAllAsync<SageWarehouse>("/warehouses", null, cancellationToken: cancellationToken);

    /// <summary>All warehouse holdings (paged by id).</summary>
    public IAsyncEnumerable<SageWarehouseHolding> GetWarehouseHoldingsAsync(ODataQuery? query = null, int pageSize = ODataQuery.DefaultTop, CancellationToken cancellationToken = default) =>
        GetAllAsync<SageWarehouseHolding>("/warehouse_holdings", query ?? new ODataQuery
        {
            Select = "id,product_id,warehouse_id,confirmed_qty_in_stock,unconfirmed_qty_in_stock,quantity_in_stock,quantity_allocated,quantity_reserved,date_time_updated",
        }, pageSize, cancellationToken);

    /// <summary>POST /stock_transfers: between bin holdings (read /bin_holdings for the ids); the published answer schema is empty.</summary>
    public Task<SageWriteResult<SageStockTransfer>> CreateStockTransferAsync(SageStockTransfer transfer, CancellationToken cancellationToken) =>
        WriteAsync<SageStockTransfer, SageStockTransfer>(HttpMethod.Post, "/stock_transfers", transfer, cancellationToken);

    /// <summary>POST /customer_price_enquiry: the customer's price for a product (price bands and discounts applied).</summary>
    public Task<SageWriteResult<SageCustomerPriceEnquiry>> GetCustomerPriceAsync(SageCustomerPriceEnquiryRequest request, CancellationToken cancellationToken) =>
        WriteAsync<SageCustomerPriceEnquiryRequest, SageCustomerPriceEnquiry>(HttpMethod.Post, "/customer_price_enquiry", request, cancellationToken);

    /// <summary>
    /// Availability per product and trading warehouse computed by the gateway: on hand minus allocations
    /// (non-trading warehouses, e.g. returns, are left out).
    /// </summary>
    public async Task<IReadOnlyList<SageStockAvailability>> GetStockAvailabilityAsync(CancellationToken cancellationToken)
    {
        var trading = new HashSet<long>();
        await foreach (var w in GetWarehousesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (w.UseForSalesTrading != false)
            {
                trading.Add(w.Id);
            }
        }

        var result = new List<SageStockAvailability>();
        await foreach (var h in GetWarehouseHoldingsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (trading.Contains(h.WarehouseId))
            {
                result.Add(new SageStockAvailability(h.ProductId, h.WarehouseId, h.QuantityInStock, h.QuantityAllocated, h.Available));
            }
        }

        return result;
    }
}

/// <summary>Stock position of one product in one trading warehouse (stock units).</summary>
public sealed record SageStockAvailability(long ProductId, long WarehouseId, decimal OnHand, decimal Allocated, decimal Available);

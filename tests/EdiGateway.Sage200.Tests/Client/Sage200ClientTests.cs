using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using EdiGateway.Sage200.Tests.Infrastructure;

namespace EdiGateway.Sage200.Tests.Client;

public sealed class Sage200ClientTests : IAsyncLifetime
{
    private readonly SandboxHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task EveryResource_AgainstSandbox_RequestsAndResponsesMatchContract()
    {
        var c = await host.ConnectAsync();
        var sage = c.Client;

        var site = Assert.Single(await sage.GetSitesAsync(default));
        Assert.True((await sage.GetSopSettingsAsync(default))!.AllocateStockOnOrderEntry);
        var taxCodes = await sage.GetTaxCodesAsync().ToListAsync();
        Assert.NotEmpty(await sage.GetNominalCodesAsync().ToListAsync());
        var banks = await sage.GetBanksAsync().ToListAsync();
        var customer = (await sage.FindCustomerByReferenceAsync("AMZBHX4", default))!;
        var product = (await sage.FindProductByCodeAsync("MUG-BLU-350", default))!;
        var created = await sage.CreateCustomerAsync(new SageCustomer { Reference = "NEWCO01", Name = "New Co (SANDBOX)", MainAddress = new SageCustomerAddress { Address1 = "1 Road", Postcode = "LS1 1AA" } }, default);
        Assert.NotNull(created.Value!.Id);

        var order = await sage.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = customer.Id,
            CustomerDocumentNo = "AMZ-4Q7XK2PO",
            DocumentDate = new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero),
            AnalysisCode1 = "AMAZON_VC",
            DeliveryAddress = new SageDeliveryAddress { PostalName = "Amazon EU SARL (UK) - BHX4", Address1 = "Plot 1 Mill Lane", City = "Coventry", Postcode = "CV1 1AA" },
            Lines =
            [
                new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = product.Id, WarehouseId = 1214, LineQuantity = 2, SellingUnitId = 5011, SellingUnitPrice = 45m, TaxCodeId = taxCodes[0].Id },
                new SageSopOrderLine { LineType = SageLineType.Charge, Code = "CARRIAGE", Description = "Carriage", SellingUnitPrice = 5m, TaxCodeId = taxCodes[0].Id },
                new SageSopOrderLine { LineType = SageLineType.Comment, Description = "Amazon VC PO 4Q7XK2PO" },
            ],
        }, default);
        var posted = order.Value!;
        Assert.Equal(114.00m, posted.TotalGrossValue); // 2 cases x 45 + 5 carriage, 20% VAT computed by Sage
        Assert.Equal(posted.Id, Assert.Single(await sage.FindByCustomerDocumentNoAsync("AMZ-4Q7XK2PO", default)).Id);

        var availability = await sage.GetStockAvailabilityAsync(default);
        var mug = availability.Single(a => a.ProductId == product.Id && a.WarehouseId == 1214);
        Assert.Equal(24m, mug.Allocated);
        Assert.Equal(mug.OnHand - 24m, mug.Available);
        Assert.DoesNotContain(availability, a => a.WarehouseId == 1216); // returns warehouse is not for sale

        var despatchable = Assert.Single(await sage.GetDespatchableLinesAsync(posted.DocumentNo!, default));
        var item = Assert.Single(despatchable.Items);
        Assert.Equal(24m, item.OutstandingQuantity); // stock units: 2 cases of 12
        await sage.ConfirmDespatchAsync(new SageConfirmDespatch
        {
            SopOrderReturnId = posted.Id!.Value,
            DespatchReceiptDate = new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero),
            Items = [new SageDespatchItem { Id = item.Id, Quantity = 24 }],
            TrackingItems = [new SageDespatchTracking { SopOrderReturnId = posted.Id.Value, CourierId = 3, ConsignmentNo = "1Z999AA10123456784", Pieces = 2, Weight = 14.2m }],
        }, default);
        Assert.Equal("1Z999AA10123456784", Assert.Single(await sage.GetDespatchReceiptsAsync().ToListAsync()).ConsignmentNo);
        Assert.Equal("AMZ-4Q7XK2PO", Assert.Single(await sage.GetOrderDespatchViewsAsync().ToListAsync()).SopOrderCustomerDocumentNo);
        var holding = (await sage.GetWarehouseHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("product_id", product.Id!.Value) }).ToListAsync()).Single(h => h.WarehouseId == 1214);
        Assert.Equal(100_000m - 24m, holding.QuantityInStock);
        Assert.Equal(0m, holding.QuantityAllocated);

        using (var invoice = await c.Http.PostAsync(new Uri("http://localhost/sandbox/admin/invoice-despatched"), null))
        {
            invoice.EnsureSuccessStatusCode();
        }

        var invoiceView = Assert.Single(await sage.GetInvoiceCreditViewsAsync().ToListAsync());
        Assert.Equal(114.00m, invoiceView.SopInvoiceCreditTotalGrossValue);
        var invoiceTran = Assert.Single(await sage.GetPostedTransactionsAsync().ToListAsync());

        var receipt = await sage.CreateSalesReceiptAsync(new SageSalesReceipt { CustomerId = customer.Id!.Value, BankId = banks[1].Id, ChequeValue = 114.00m, TransactionDate = new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero), Reference = "AMZ-REMIT-1" }, default);
        Assert.False(string.IsNullOrEmpty(receipt.Value!.Urn));
        var receiptTran = (await sage.GetPostedTransactionsAsync(new ODataQuery { Filter = ODataFilter.Eq("reference", "AMZ-REMIT-1") }).ToListAsync()).Single();
        await sage.CreateSalesAllocationAsync(new SageSalesAllocation
        {
            CustomerId = customer.Id.Value,
            AllocationLines = [new SageAllocationLine { PostedTranId = invoiceTran.Id, ValueToAllocate = 114.00m }, new SageAllocationLine { PostedTranId = receiptTran.Id, ValueToAllocate = -114.00m }],
        }, default);
        Assert.Equal(0m, (await sage.FindCustomerByReferenceAsync("AMZBHX4", default))!.Balance);

        using (var credit = await c.Http.PostAsync(new Uri($"http://localhost/sandbox/admin/orders/{posted.Id}/return-and-credit"), null))
        {
            credit.EnsureSuccessStatusCode();
        }

        Assert.Equal(24m / 12m, Assert.Single(await sage.GetReturnLineViewsAsync().ToListAsync()).SopReturnLineQuantity);
        Assert.Equal(2, (await sage.GetInvoiceCreditViewsAsync().ToListAsync()).Count);
        var ledgerCredit = await sage.CreateSalesCreditNoteAsync(new SageSalesCreditNote
        {
            CustomerId = customer.Id.Value,
            TransactionDate = new DateTimeOffset(2025, 3, 25, 0, 0, 0, TimeSpan.Zero),
            Reference = "AMZ-SHORT-1",
            DocumentGoodsValue = 10m,
            DocumentTaxValue = 2m,
            TaxAnalysisItems = [new SageTaxAnalysisItem { Id = taxCodes[0].Id, GoodsAmount = 10m, TaxAmount = 2m }],
            NominalAnalysisItems = [new SageNominalAnalysisItem { Code = "4010", Value = 10m, Narrative = "Shortage claim" }],
        }, default);
        Assert.NotNull(ledgerCredit.Value);

        Assert.Equal(EdiGateway.Sandbox.Sage.SandboxCompany.SiteId, site.SiteId);
        Assert.True(c.Capture.Violations.IsEmpty, string.Join("\n", c.Capture.Violations.Distinct()));
    }

    [Fact]
    public async Task GetAllAsync_SmallPages_WalksEveryPageWithOrderbyAndSkip()
    {
        var c = await host.ConnectAsync();

        var all = await c.Client.GetAllAsync<SageCustomer>("/customers", null, pageSize: 4).ToListAsync();

        Assert.Equal(6, all.Count);
        Assert.Equal(all.Select(x => x.Id).Order(), all.Select(x => x.Id));
        var pages = c.Capture.Calls.Where(x => x.Resource == "/customers").Select(x => Uri.UnescapeDataString(x.Query)).ToList();
        Assert.Equal(["?$orderby=id asc&$top=4&$skip=0", "?$orderby=id asc&$top=4&$skip=4"], pages);
    }

    [Fact]
    public async Task CreateSalesOrderAsync_DocumentNumberTooLong_RefusedBeforeSending()
    {
        var c = await host.ConnectAsync();

        var result = await c.Client.CreateSalesOrderAsync(new SageSopOrder { CustomerId = 27006, CustomerDocumentNo = new string('9', 31) }, default);

        Assert.True(result.IsRefused);
        Assert.DoesNotContain(c.Capture.Calls, x => x.Resource == "/sop_orders");
    }

    [Fact]
    public async Task CreateSalesOrderAsync_SandboxLock_ThrowsRecordLocked()
    {
        var c = await host.ConnectAsync();
        host.Faults.LockRecord("Customer AMZLBA2", TimeSpan.FromMinutes(1));

        var ex = await Assert.ThrowsAsync<SageApiException>(() => c.Client.CreateSalesOrderAsync(new SageSopOrder { CustomerId = 27007, Lines = [] }, default));

        Assert.Equal(SageErrorKind.RecordLocked, ex.Kind);
        Assert.Equal("Customer AMZLBA2", ex.LockedRecord);
    }

    [Fact]
    public async Task GetSitesAsync_StandardEditionPath_IsServed()
    {
        var c = await host.ConnectAsync();
        var options = SandboxHost.Options();
        options.BaseUrl = new Uri("http://localhost/uk/sage200/accounts/v1/");
        var standard = new EdiGateway.Sage200.Client.Sage200Client(c.Http, options, c.Tokens, Microsoft.Extensions.Logging.Abstractions.NullLogger<EdiGateway.Sage200.Client.Sage200Client>.Instance);

        Assert.Single(await standard.GetSitesAsync(default));
    }

    [Fact]
    public void ODataFilter_QuoteInValue_IsDoubled() =>
        Assert.Equal("?$filter=" + Uri.EscapeDataString("name eq 'O''Brien'"), new ODataQuery { Filter = ODataFilter.Eq("name", "O'Brien") }.ToQueryString());

    [Fact]
    public void ToQueryString_SkipWithoutOrderBy_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new ODataQuery { Skip = 5 }.ToQueryString());

    [Fact]
    public void ResolveBaseUrl_Edition_PicksPublishedUrl()
    {
        Assert.Equal(Sage200Options.ProfessionalBaseUrl, new Sage200Options().ResolveBaseUrl().ToString());
        Assert.Equal(Sage200Options.StandardBaseUrl, new Sage200Options { Edition = SageEdition.Standard }.ResolveBaseUrl().ToString());
    }

    [Fact]
    public async Task UpdateSalesOrderAsync_QuantityChangeAndLineDelete_AllocationFollowsAndListFilters()
    {
        var c = await host.ConnectAsync();
        var sage = c.Client;
        var customer = (await sage.FindCustomerByReferenceAsync("AMZBHX4", default))!;
        var product = (await sage.FindProductByCodeAsync("MUG-BLU-350", default))!;
        var order = (await sage.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = customer.Id,
            CustomerDocumentNo = "3PL-PUT-1",
            Lines =
            [
                new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = product.Id, WarehouseId = 1214, LineQuantity = 5 },
                new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = product.Id, WarehouseId = 1214, LineQuantity = 3 },
            ],
        }, default)).Value!;
        Assert.Equal(8m, Allocated(await sage.GetStockAvailabilityAsync(default), product.Id!.Value));

        var first = order.Lines![0];
        var second = order.Lines![1];
        var updated = (await sage.UpdateSalesOrderAsync(order.Id!.Value, new SageSopOrder { Lines = [new SageSopOrderLine { Id = first.Id, LineType = SageLineType.Standard, ProductId = first.ProductId, WarehouseId = first.WarehouseId, LineQuantity = 2 }] }, default)).Value!;
        Assert.Equal(2m, updated.Lines!.Single(l => l.Id == first.Id).StockUnitLineQuantity);
        Assert.Equal(5m, Allocated(await sage.GetStockAvailabilityAsync(default), product.Id.Value));

        updated = (await sage.UpdateSalesOrderAsync(order.Id.Value, new SageSopOrder { Lines = [new SageSopOrderLine { Id = second.Id, LineType = SageLineType.Standard, ProductId = second.ProductId, WarehouseId = second.WarehouseId, IsToDelete = true }] }, default)).Value!;
        Assert.Single(updated.Lines!);
        Assert.Equal(2m, Allocated(await sage.GetStockAvailabilityAsync(default), product.Id.Value));

        var listed = await sage.GetSalesOrdersAsync(new ODataQuery { Filter = ODataFilter.Eq("customer_document_no", "3PL-PUT-1") }).ToListAsync();
        Assert.Equal(order.Id, Assert.Single(listed).Id);
    }

    private static decimal Allocated(IReadOnlyList<Sage200.Client.SageStockAvailability> availability, long productId) =>
        availability.Single(a => a.ProductId == productId && a.WarehouseId == 1214).Allocated;
}

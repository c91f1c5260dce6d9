using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using EdiGateway.Sage200.Tests.Infrastructure;

namespace EdiGateway.Sage200.Tests.Client;

/// <summary>3PL stock movements against the real SANDBOX: transfers between bin holdings, stocktake adjustments, SOP PUT failure shapes.</summary>
public sealed class SageStockMovementTests : IAsyncLifetime
{
    private const long Main = 1214;
    private const long Leeds = 1215;
    private readonly SandboxHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task GetBinHoldingsAsync_OneBinPerWarehouseHolding_CarriesItsQuantities()
    {
        var sage = (await host.ConnectAsync()).Client;
        var holdings = await sage.GetWarehouseHoldingsAsync().ToListAsync();
        var bins = await sage.GetBinHoldingsAsync().ToListAsync();

        Assert.Equal(holdings.Count, bins.Count);
        var mugLeeds = holdings.Single(h => h.ProductId == 135872 && h.WarehouseId == Leeds);
        var bin = Assert.Single(bins, b => b.WarehouseHoldingId == mugLeeds.Id);
        Assert.Equal(135872, bin.ProductId);
        Assert.Equal(20_000m, bin.QuantityInStock);
        Assert.Equal(bin.Id, Assert.Single(await sage.GetBinHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("warehouse_holding_id", mugLeeds.Id) }).ToListAsync()).Id);
    }

    [Fact]
    public async Task TransferStockAsync_MainTo3pl_MovesOnHandAndAvailability()
    {
        var sage = (await host.ConnectAsync()).Client;

        var result = await sage.TransferStockAsync("MUG-BLU-350", Main, Leeds, 240m, "944-GRN-000123", default);

        Assert.False(result.IsRefused);
        Assert.Equal(240m, result.Value!.Quantity);
        var mug = (await sage.GetStockAvailabilityAsync(default)).Where(a => a.ProductId == 135872).ToDictionary(a => a.WarehouseId);
        Assert.Equal(100_000m - 240m, mug[Main].OnHand);
        Assert.Equal(100_000m - 240m, mug[Main].Available);
        Assert.Equal(20_000m + 240m, mug[Leeds].OnHand);
        Assert.Equal(20_000m + 240m, mug[Leeds].Available);
        Assert.Equal(120_000m, (await sage.FindProductByCodeAsync("MUG-BLU-350", default))!.FreeStockQuantity);
    }

    [Fact]
    public async Task TransferStockAsync_MoreThanFreeStock_RefusedWith400AndNothingMoves()
    {
        var sage = (await host.ConnectAsync()).Client;

        // GIFT-SET-01 has nothing in 3PL-LEEDS
        var ex = await Assert.ThrowsAsync<SageApiException>(() => sage.TransferStockAsync("GIFT-SET-01", Leeds, Main, 1m, "OVER", default));

        Assert.Equal(SageErrorKind.Validation, ex.Kind);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("more than the free stock", ex.SageMessage, StringComparison.Ordinal);
        var gift = (await sage.GetStockAvailabilityAsync(default)).Where(a => a.ProductId == 135874).ToDictionary(a => a.WarehouseId);
        Assert.Equal(20_000m, gift[Main].OnHand);
        Assert.Equal(0m, gift[Leeds].OnHand);
    }

    [Fact]
    public async Task CreateStockTransferAsync_UnknownBinOrProduct_Refused()
    {
        var sage = (await host.ConnectAsync()).Client;
        var bin = (await sage.GetBinHoldingsAsync(new ODataQuery { Filter = ODataFilter.Eq("product_id", 135872) }).ToListAsync())[0];

        var unknownBin = await Assert.ThrowsAsync<SageApiException>(() => sage.CreateStockTransferAsync(
            new SageStockTransfer { ProductId = 135872, BinHoldingFromId = bin.Id, BinHoldingToId = 999_999_999, Quantity = 1m }, default));
        var unknownProduct = await Assert.ThrowsAsync<SageApiException>(() => sage.CreateStockTransferAsync(
            new SageStockTransfer { ProductId = 1, BinHoldingFromId = bin.Id, BinHoldingToId = bin.Id + 1, Quantity = 1m }, default));
        var noHolding = await Assert.ThrowsAsync<SageApiException>(() => sage.TransferStockAsync("NO-SUCH-SKU", Main, Leeds, 1m, "X", default));

        Assert.Equal(SageErrorKind.Validation, unknownBin.Kind);
        Assert.Contains("Bin holding record not found (id 999999999)", unknownBin.SageMessage, StringComparison.Ordinal);
        Assert.Equal(SageErrorKind.Validation, unknownProduct.Kind);
        Assert.Contains("Product record not found", unknownProduct.SageMessage, StringComparison.Ordinal);
        Assert.Equal(SageErrorKind.Validation, noHolding.Kind);
    }

    [Theory]
    [InlineData(25, 10_025)]
    [InlineData(-40, 9_960)]
    public async Task AdjustStockByStocktakeAsync_Change_MovesOnHandAndAvailability(int change, int expected)
    {
        var sage = (await host.ConnectAsync()).Client;

        var result = await sage.AdjustStockByStocktakeAsync("TOWEL-GRY-L", Leeds, change, "947-ADJ-0042", default);

        Assert.Equal(10_000m, result.RecordedQuantity);
        Assert.Equal(expected, result.ActualQuantity);
        Assert.Equal(change, result.Variance);
        Assert.Equal("Complete", result.Status);
        var towel = (await sage.GetStockAvailabilityAsync(default)).Single(a => a.ProductId == 135875 && a.WarehouseId == Leeds);
        Assert.Equal(expected, towel.OnHand);
        Assert.Equal(expected, towel.Available);
        var stocktake = (await sage.GetStocktakeAsync(result.StocktakeId, default))!;
        Assert.Equal("Complete", stocktake.StocktakeStatus);
        Assert.Equal("947-ADJ-0042", stocktake.NominalNarrative);
        Assert.Equal(50_000m, (await sage.GetStockAvailabilityAsync(default)).Single(a => a.ProductId == 135875 && a.WarehouseId == Main).OnHand);
    }

    [Fact]
    public async Task AdjustStockByStocktakeAsync_WithAllocation_AvailabilityFollowsOnHand()
    {
        var sage = (await host.ConnectAsync()).Client;
        await sage.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = 27010,
            Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135872, WarehouseId = Leeds, LineQuantity = 100 }],
        }, default);

        await sage.AdjustStockByStocktakeAsync("MUG-BLU-350", Leeds, -500m, "947-ADJ-0043", default);

        var mug = (await sage.GetStockAvailabilityAsync(default)).Single(a => a.ProductId == 135872 && a.WarehouseId == Leeds);
        Assert.Equal(19_500m, mug.OnHand);
        Assert.Equal(100m, mug.Allocated);
        Assert.Equal(19_400m, mug.Available);
    }

    [Fact]
    public async Task AdjustStockByStocktakeAsync_BelowZero_RefusedAndStocktakeDropped()
    {
        var sage = (await host.ConnectAsync()).Client;

        var ex = await Assert.ThrowsAsync<SageApiException>(() => sage.AdjustStockByStocktakeAsync("GIFT-SET-01", Leeds, -1m, "947-NEG", default));

        Assert.Equal(SageErrorKind.Validation, ex.Kind);
        Assert.Empty(await sage.GetAllAsync<SageStocktake>("/stocktakes", null).ToListAsync());
        // the item is free for the next count
        Assert.Equal(5m, (await sage.AdjustStockByStocktakeAsync("GIFT-SET-01", Leeds, 5m, "947-POS", default)).ActualQuantity);
    }

    [Fact]
    public async Task StockWrites_ProductLockedInDesktop_FailWithRecordLockedAndStockUnchanged()
    {
        var sage = (await host.ConnectAsync()).Client;
        host.Faults.LockRecord("StockItem TEA-EBR-080", TimeSpan.FromMinutes(1));

        var transfer = await Assert.ThrowsAsync<SageApiException>(() => sage.TransferStockAsync("TEA-EBR-080", Main, Leeds, 10m, "944-LOCK", default));
        var stocktake = await Assert.ThrowsAsync<SageApiException>(() => sage.AdjustStockByStocktakeAsync("TEA-EBR-080", Leeds, 10m, "947-LOCK", default));

        foreach (var ex in new[] { transfer, stocktake })
        {
            Assert.Equal(SageErrorKind.RecordLocked, ex.Kind);
            Assert.Equal("StockItem TEA-EBR-080", ex.LockedRecord);
            Assert.True(ex.IsTransient);
        }

        var tea = (await sage.GetStockAvailabilityAsync(default)).Where(a => a.ProductId == 135873).ToDictionary(a => a.WarehouseId);
        Assert.Equal(100_000m, tea[Main].OnHand);
        Assert.Equal(50_000m, tea[Leeds].OnHand);
    }

    [Fact]
    public async Task Stocktake_LockAtCompletion_FailsClassifiedAndStockUnchanged()
    {
        var sage = (await host.ConnectAsync()).Client;
        // selecting the item passes; the lock is taken in the desktop before the completing PUT
        var stocktakes = new StocktakeLockOnCompletion(host);

        var ex = await Assert.ThrowsAsync<SageApiException>(() => stocktakes.RunAsync(sage));

        Assert.Equal(SageErrorKind.RecordLocked, ex.Kind);
        Assert.Empty(await sage.GetAllAsync<SageStocktake>("/stocktakes", null).ToListAsync());
        Assert.Equal(50_000m, (await sage.GetStockAvailabilityAsync(default)).Single(a => a.ProductId == 135873 && a.WarehouseId == Leeds).OnHand);
    }

    [Fact]
    public async Task UpdateSalesOrderAsync_SecondLineFails_FirstLineKept()
    {
        var sage = (await host.ConnectAsync()).Client;
        var order = (await sage.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = 27010,
            CustomerDocumentNo = "PUT-NONATOMIC",
            Lines =
            [
                new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135872, WarehouseId = Main, LineQuantity = 5 },
                new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135873, WarehouseId = Main, LineQuantity = 3 },
            ],
        }, default)).Value!;
        var (first, second) = (order.Lines![0], order.Lines![1]);

        var ex = await Assert.ThrowsAsync<SageApiException>(() => sage.UpdateSalesOrderAsync(order.Id!.Value, new SageSopOrder
        {
            Lines =
            [
                new SageSopOrderLine { Id = first.Id, LineType = SageLineType.Standard, ProductId = first.ProductId, WarehouseId = Main, LineQuantity = 7 },
                new SageSopOrderLine { Id = second.Id, LineType = SageLineType.Standard, ProductId = second.ProductId, WarehouseId = Main, LineQuantity = 4, SellingUnitId = 999 },
            ],
        }, default));

        Assert.Equal(SageErrorKind.Validation, ex.Kind);
        var after = (await sage.GetByIdAsync<SageSopOrder>("/sop_orders", order.Id!.Value, null, default))!;
        Assert.Equal(7m, after.Lines!.Single(l => l.Id == first.Id).LineQuantity);
        Assert.Equal(3m, after.Lines!.Single(l => l.Id == second.Id).LineQuantity);
        var availability = await sage.GetStockAvailabilityAsync(default);
        Assert.Equal(7m, availability.Single(a => a.ProductId == 135872 && a.WarehouseId == Main).Allocated);
        Assert.Equal(3m, availability.Single(a => a.ProductId == 135873 && a.WarehouseId == Main).Allocated);
    }

    [Fact]
    public async Task UpdateSalesOrderAsync_BelowDespatchedQuantity_Refused()
    {
        var sage = (await host.ConnectAsync()).Client;
        var order = (await sage.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = 27010,
            CustomerDocumentNo = "PUT-BELOW-DESP",
            Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135872, WarehouseId = Main, LineQuantity = 10 }],
        }, default)).Value!;
        var line = order.Lines![0];
        var item = Assert.Single(Assert.Single(await sage.GetDespatchableLinesAsync(order.DocumentNo!, default)).Items);
        await sage.ConfirmDespatchAsync(new SageConfirmDespatch
        {
            SopOrderReturnId = order.Id!.Value,
            DespatchReceiptDate = new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero),
            Items = [new SageDespatchItem { Id = item.Id, Quantity = 6 }],
        }, default);

        var ex = await Assert.ThrowsAsync<SageApiException>(() => sage.UpdateSalesOrderAsync(order.Id.Value, new SageSopOrder
        {
            Lines = [new SageSopOrderLine { Id = line.Id, LineType = SageLineType.Standard, ProductId = line.ProductId, WarehouseId = Main, LineQuantity = 5 }],
        }, default));

        Assert.Equal(SageErrorKind.Validation, ex.Kind);
        Assert.Contains("less than the quantity already despatched", ex.SageMessage, StringComparison.Ordinal);
        var after = (await sage.GetByIdAsync<SageSopOrder>("/sop_orders", order.Id.Value, null, default))!;
        Assert.Equal(10m, Assert.Single(after.Lines!).LineQuantity);
        Assert.Equal(6m, (await sage.UpdateSalesOrderAsync(order.Id.Value, new SageSopOrder
        {
            Lines = [new SageSopOrderLine { Id = line.Id, LineType = SageLineType.Standard, ProductId = line.ProductId, WarehouseId = Main, LineQuantity = 6 }],
        }, default)).Value!.Lines!.Single().LineQuantity);
    }

    /// <summary>Runs the stocktake steps by hand and locks the product in the desktop just before completion.</summary>
    private sealed class StocktakeLockOnCompletion(SandboxHost host)
    {
        public async Task RunAsync(Sage200Client sage)
        {
            var items = (await sage.GetStocktakeNewItemsAsync(Leeds, default)).Value!.StocktakeItems!;
            var created = (await sage.CreateStocktakeAsync(new SageStocktake
            {
                WarehouseId = Leeds, StocktakeType = Sage200Client.StocktakeByStockItem, ShowExpectedQuantities = true, AdvanceStatus = true,
                StocktakeItems = items.Select(i => new SageStocktakeItem { IsSelected = i.ItemCode == "TEA-EBR-080" }).ToList(),
            }, default)).Value!;
            var id = created.Id!.Value;
            try
            {
                var sheet = (await sage.GetStocktakeStageAsync(SageStocktakeStage.EnterValues, id, Leeds, default)).Value!;
                var item = Assert.Single(sheet.StocktakeCountSheetItems!);
                Assert.Equal(50_000m, item.RecordedQuantityInStock);
                await sage.UpdateCountSheetItemAsync(item.Id!.Value, new SageStocktakeCountSheetItem { ActualQuantityInStock = 50_010m, ActualQuantityEntered = true }, default);
                Assert.Equal("Requires Approval", (await sage.UpdateStocktakeAsync(id, new SageStocktake { AdvanceStatus = true }, default)).Value!.StocktakeStatus);
                Assert.Equal("Discrepancy", Assert.Single((await sage.GetStocktakeStageAsync(SageStocktakeStage.ViewAdjustments, id, Leeds, default)).Value!.StocktakeCountSheetItems!).DiscrepancyStatus);
                host.Faults.LockRecord("StockItem TEA-EBR-080", TimeSpan.FromMinutes(1));
                await sage.UpdateStocktakeAsync(id, new SageStocktake { AdvanceStatus = true }, default);
            }
            catch (SageApiException)
            {
                await sage.DeleteStocktakeAsync(id, default);
                throw;
            }
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdiGateway.Flows.Warehouse;
using EdiGateway.Storage;
using static EdiGateway.Tests.Flows.WarehouseHost;

namespace EdiGateway.Tests.Flows;

/// <summary>Stock sent to the 3PL (943 out, 944 back) and the 3PL's adjustments (947), through the drop folders and the SANDBOX.</summary>
public sealed class WarehouseStockTests
{
    [Fact]
    public async Task A_943_passes_the_3PL_guide_and_its_944_puts_the_good_stock_into_the_3PL_warehouse_in_Sage()
    {
        await using var host = await StartAsync();
        var file943 = await AnnounceAsync(host, "TR-9500");
        var x943 = File.ReadAllText(file943);
        Assert.Empty(GuideErrors(host, x943));
        Assert.Contains("W04*10*CA**VN*ACL-MUG350*UP*012345678905~", x943, StringComparison.Ordinal);
        Assert.Contains("W04*2*CA**VN*ACL-TEA080*UP*012345678912~", x943, StringComparison.Ordinal);
        Assert.Contains("W03*12~", x943, StringComparison.Ordinal);
        var again = await host.Client.PostAsJsonAsync($"/api/warehouse/{Tpl}/transfers", Transfer("TR-9500"));
        Assert.Equal("AlreadySent", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        var (leeds, main) = (await InStockAsync(host, LeedsWarehouseId), await InStockAsync(host, MainWarehouseId));

        host.Drop(Tpl, "944.edi", Receipt(9501, "TR-9500"));
        await SetInStateAsync(host, "9501", "944", LineageStates.Posted);
        var (leedsAfter, mainAfter) = (await InStockAsync(host, LeedsWarehouseId), await InStockAsync(host, MainWarehouseId));
        Assert.Equal((120m, 24m), (leedsAfter[135872] - leeds[135872], leedsAfter[135873] - leeds[135873])); // 10 cases of 12; 2 cases of 24 less 24 damaged
        Assert.Equal((-120m, -24m), (mainAfter[135872] - main[135872], mainAfter[135873] - main[135873]));
        var differences = Assert.Single(await EntriesAsync(host, "warehouse.944.differences"));
        Assert.Contains("TEA-EBR-080: 48 expected, 48 received, 24 damaged (Damaged)", differences.Message, StringComparison.Ordinal);
        Assert.Equal(TransferStates.Posted, (await host.Get<WarehouseStore>().FindTransferAsync(Tpl, StockTransferRecord.Transfer, "TR-9500", default))!.State);

        host.Drop(Tpl, "944-again.edi", Receipt(9502, "TR-9500")); // the same receipt in a new interchange
        await SetInStateAsync(host, "9502", "944", LineageStates.Duplicate);
        Assert.Equal(leedsAfter[135872], (await InStockAsync(host, LeedsWarehouseId))[135872]);
    }

    [Fact]
    public async Task A_947_becomes_Sage_stock_adjustments_with_the_mapped_reasons_once()
    {
        await using var host = await StartAsync();
        var before = await InStockAsync(host, LeedsWarehouseId);

        host.Drop(Tpl, "947.edi", Adjustment(9602, "ADJ-9602", ("01", 3, "EA", "ACL-MUG350"), ("05", 1, "CA", "ACL-TEA080"), ("07", 2, "EA", "ACL-TOWELL")));
        await SetInStateAsync(host, "9602", "947", LineageStates.Posted);
        var after = await InStockAsync(host, LeedsWarehouseId);
        Assert.Equal((-3m, 24m, 2m), (after[135872] - before[135872], after[135873] - before[135873], after[135875] - before[135875])); // damaged out, found in (a case of 24), counted up
        var record = await host.Get<WarehouseStore>().FindTransferAsync(Tpl, StockTransferRecord.Adjustment, "ADJ-9602", default);
        Assert.Equal(TransferStates.Posted, record!.State);

        host.Drop(Tpl, "947-again.edi", Adjustment(9603, "ADJ-9602", ("01", 3, "EA", "ACL-MUG350")));
        await SetInStateAsync(host, "9603", "947", LineageStates.Duplicate);
        Assert.Equal(after[135872], (await InStockAsync(host, LeedsWarehouseId))[135872]);
        Assert.Single(await EntriesAsync(host, "warehouse.947.duplicate"));
    }

    [Fact]
    public async Task A_947_with_a_reason_the_profile_does_not_map_fails_naming_the_code_and_posts_nothing()
    {
        await using var host = await StartAsync();
        host.Drop(Tpl, "947.edi", Adjustment(9601, "ADJ-9601", ("99", 3, "EA", "ACL-MUG350")));

        var entry = await host.EventuallyAsync(async () => (await EntriesAsync(host, "warehouse.947.refused")).FirstOrDefault(), "the 947 refusal");
        Assert.Contains("'99'", entry.Message, StringComparison.Ordinal);
        Assert.Contains("codeMaps.adjustmentReasons.99", entry.Message, StringComparison.Ordinal);
        Assert.Null(await host.Get<WarehouseStore>().FindTransferAsync(Tpl, StockTransferRecord.Adjustment, "ADJ-9601", default));
    }

    private const long MainWarehouseId = 1214;

    /// <summary>Sage's quantity in stock per product id in one warehouse.</summary>
    private static async Task<Dictionary<long, decimal>> InStockAsync(Support.GatewayHost host, long warehouseId)
    {
        var result = new Dictionary<long, decimal>();
        await foreach (var h in host.Get<EdiGateway.Sage.SagePosting>().Connection!.Client.GetWarehouseHoldingsAsync(
            new() { Filter = Sage200.OData.ODataFilter.Eq("warehouse_id", warehouseId) }, cancellationToken: default))
        {
            result[h.ProductId] = h.QuantityInStock;
        }

        return result;
    }

    internal static object Transfer(string reference) => new
    {
        reference,
        fromWarehouse = "MAIN",
        carrierScac = "UPSN",
        lines = new[] { new { productCode = "MUG-BLU-350", quantity = 120m }, new { productCode = "TEA-EBR-080", quantity = 48m } },
    };

    /// <summary>POST /api/warehouse/{3PL}/transfers and the 943 it wrote.</summary>
    internal static async Task<string> AnnounceAsync(Support.GatewayHost host, string reference)
    {
        var response = await host.Client.PostAsJsonAsync($"/api/warehouse/{Tpl}/transfers", Transfer(reference));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await host.EventuallyAsync(() => Task.FromResult(host.Sent(Tpl, "warehouse-943")
            .FirstOrDefault(f => File.ReadAllText(f).Contains($"*{reference}*", StringComparison.Ordinal))), "the 943 of " + reference);
    }

    /// <summary>The 3PL's 944 for <paramref name="reference"/>: 10 cases of mugs; 2 cases of tea, one of them damaged.</summary>
    internal static byte[] Receipt(long control, string reference) => Interchange(control, "RE",
    [
        "ST*944*0001", $"W17*F*20261202*RCV{control}*{reference}", "N1*WH*Acme Logistics Leeds*ZZ*LEEDS1",
        "W07*10*CA**VN*ACL-MUG350", "N9*LI*1",
        "W07*2*CA**VN*ACL-TEA080", "N9*LI*2", "W13*24*EA*01",
        "W14*12", "SE*10*0001",
    ]);

    /// <summary>A 947 with one W19 per entry (reason, quantity, unit, warehouse SKU).</summary>
    internal static byte[] Adjustment(long control, string number, params (string Reason, decimal Qty, string Unit, string Sku)[] lines) => Interchange(control, "AW",
    [
        "ST*947*0001", $"W15*20261202*{number}*ACME-{control}", "N1*WH*Acme Logistics Leeds*ZZ*LEEDS1",
        .. lines.Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"W19*{l.Reason}*{l.Qty}*{l.Unit}**VN*{l.Sku}")),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SE*{lines.Length + 4}*0001"),
    ]);
}

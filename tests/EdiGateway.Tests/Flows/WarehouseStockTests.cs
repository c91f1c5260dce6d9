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
    public async Task A_943_passes_the_3PL_guide_and_its_944_is_not_reported_done_before_Sage_has_it()
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

        host.Drop(Tpl, "944.edi", Receipt(9501, "TR-9500"));
        await SetInStateAsync(host, "9501", "944", LineageStates.Posting);
        var waiting = await host.EventuallyAsync(async () => (await EntriesAsync(host, "warehouse.944.sage-refused")).FirstOrDefault(), "the 944's entry");
        Assert.Contains("stock transfer", waiting.Message, StringComparison.Ordinal);
        Assert.Equal(TransferStates.Posting, (await host.Get<WarehouseStore>().FindTransferAsync(Tpl, StockTransferRecord.Transfer, "TR-9500", default))!.State);
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

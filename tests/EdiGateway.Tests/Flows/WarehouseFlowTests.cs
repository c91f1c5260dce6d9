using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdiGateway.Flows.Warehouse;
using EdiGateway.Sage;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using static EdiGateway.Tests.Flows.WarehouseHost;

namespace EdiGateway.Tests.Flows;

/// <summary>
/// The 3PL flows end to end through the drop folders and the in-process SANDBOX: a Sage order released as a 940 the
/// 3PL guide accepts, the 945 back with a short-ship recorded in Sage in eaches and, for an Amazon order, the 856 with
/// the 945's cartons and a change-855; a 945 Sage cannot take yet stays queued until it posts.
/// </summary>
public sealed class WarehouseFlowTests
{
    private const string Amazon = "amazon-vc-test";

    [Theory]
    [InlineData("folder")]
    [InlineData("sftp")]
    public async Task Amazon_order_940_then_short_945_posts_the_despatch_in_Sage_and_sends_the_856_and_a_change_855(string transport)
    {
        await using var sshd = transport == "sftp" ? await Transports.SshdPeer.StartAsync() : null;
        await using var host = sshd is null ? await StartAsync() : await StartOverSftpAsync(sshd);
        var order = await AmazonOrderToCashTests.AcknowledgedOrderAsync(host, "T9200001", 9201);

        var file940 = await ReleaseAsync(host, order.SageOrderId!.Value, order.SageDocumentNo!);
        var x940 = File.ReadAllText(file940);
        Assert.Empty(GuideErrors(host, x940));
        var lines = Lines940(x940);
        Assert.Equal([("ACL-MUG350", "10", "CA"), ("ACL-GIFT01", "5", "CA"), ("ACL-TOWELL", "2", "CA")], lines.Select(l => (l.Sku, l.Qty, l.Unit)));
        Assert.Contains("W05*N*" + order.SageDocumentNo + "*T9200001", x940, StringComparison.Ordinal);
        Assert.Contains("W76*17~", x940, StringComparison.Ordinal);
        var again = await host.Client.PostAsJsonAsync($"/api/warehouse/{Tpl}/releases", new { sageOrderId = order.SageOrderId });
        Assert.Equal("AlreadySent", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Single(host.Sent(Tpl, "warehouse-940"));

        // the 3PL ships 8 of the 10 cases of mugs (W1219 01), the towels, and backorders the gift sets it does not hold
        string Line(string sku) => lines.Single(l => l.Sku == sku).LineId;
        var (first, second) = (Sscc18(920001), Sscc18(920002));
        host.Drop(Tpl, "945.edi", ShippingAdvice(9301, order.SageDocumentNo!, "T9200001", "ACME1920000001", DateOnly.FromDateTime(DateTime.UtcNow),
            (first, [("CP", 10, 8, "CA", "ACL-MUG350", Line("ACL-MUG350"), "01")]),
            (second, [("CC", 2, 2, "CA", "ACL-TOWELL", Line("ACL-TOWELL"), null), ("BP", 5, 0, "CA", "ACL-GIFT01", Line("ACL-GIFT01"), null)])));

        await SetInStateAsync(host, order.SageDocumentNo!, "945", LineageStates.Posted);
        var despatched = await DespatchedAsync(host, order.SageOrderId!.Value);
        Assert.Equal(96m, despatched["MUG-BLU-350"]);
        Assert.Equal(20m, despatched["TOWEL-GRY-L"]);
        Assert.Equal(0m, despatched["GIFT-SET-01"]);
        var sageLines = (await host.Get<SagePosting>().Connection!.Client.GetSalesOrderAsync(order.SageOrderId!.Value, default))!.Lines!.ToDictionary(l => l.Code!);
        Assert.Equal((96m, 30m, 20m), (sageLines["MUG-BLU-350"].StockUnitLineQuantity, sageLines["GIFT-SET-01"].StockUnitLineQuantity, sageLines["TOWEL-GRY-L"].StockUnitLineQuantity));
        Assert.Empty(await EntriesAsync(host, "warehouse.945.line-not-reduced")); // the 24 mugs not coming came off the line; the backordered gift sets stay open
        var shortEntry = Assert.Single(await EntriesAsync(host, "warehouse.945.short"));
        Assert.Contains("MUG-BLU-350", shortEntry.Message, StringComparison.Ordinal);
        Assert.Contains("120 ordered, 96 shipped, 24 short", shortEntry.Message, StringComparison.Ordinal);
        Assert.Contains("W1219 reason 01", shortEntry.Message, StringComparison.Ordinal);

        var asnFile = await host.EventuallyAsync(() => Task.FromResult(host.Sent(Amazon, "amazon-856").FirstOrDefault()), "the 856");
        var asn = AmazonPurchaseOrderTests.ReadSet(File.ReadAllText(asnFile));
        Assert.Equal([first, second], asn.Segments.Where(s => s.Id == "MAN").Select(s => s[2][^18..]).ToArray());
        Assert.Equal([("8", "CA"), ("20", "EA")], asn.Segments.Where(s => s.Id == "SN1").Select(s => (s[2], s[3])).ToList());
        var acks = host.Sent(Amazon, "amazon-855");
        Assert.Equal(2, acks.Length); // the 855, then the change-855 before the 856
        var change = Assert.Single(acks.Select(File.ReadAllText), a => a.Contains("ACK*IQ*8*CA", StringComparison.Ordinal)); // 8 cases shipped ...
        Assert.Contains("ACK*IR*2*CA~", change, StringComparison.Ordinal); // ... and the 2 short ones cancelled
        Assert.Equal(FulfilmentStates.Despatched, (await host.Get<WarehouseStore>().FindFulfilmentAsync(Tpl, order.SageOrderId!.Value, default))!.State);
        var tree = await host.Get<LineageLog>().FindTreeAsync("T9200001", default);
        Assert.Contains(tree, e => e.DocumentType == "940");
        Assert.Contains(tree, e => e.DocumentType == "sage200.despatch" && e.State == LineageStates.Posted);
        if (sshd is not null)
        {
            // fetched over SFTP and archived on the 3PL's server (the move there follows the hand-off, so it may still be on its way)
            var archive = host.Home.Combine("data", "dropbox", Tpl, "archive");
            await host.EventuallyAsync(() => Task.FromResult(Directory.Exists(archive) ? Directory.GetFiles(archive).FirstOrDefault(f => f.EndsWith("945.edi", StringComparison.Ordinal)) : null),
                "the 945 archived on the 3PL's server");
        }
    }

    [Fact]
    public async Task A_945_for_a_locked_order_stays_queued_and_posts_when_the_lock_goes()
    {
        await using var host = await StartAsync();
        var (id, documentNo) = await CreateSageOrderAsync(host, "3PL-T9200002", (135872, 24, 4.25m), (135875, 10, 9.99m));
        var lines = Lines940(File.ReadAllText(await ReleaseAsync(host, id, documentNo)));
        var faults = host.Get<SagePosting>().Connection!.Sandbox!.Services.GetRequiredService<SandboxFaultInjector>();
        faults.LockRecord("SOPOrder " + documentNo, TimeSpan.FromSeconds(4));

        host.Drop(Tpl, "945.edi", ShippingAdvice(9302, documentNo, null, "ACME1920000002", DateOnly.FromDateTime(DateTime.UtcNow),
            (Sscc18(920003), [("CC", 2, 2, "CA", "ACL-MUG350", lines[0].LineId, null), ("CC", 1, 1, "CA", "ACL-TOWELL", lines[1].LineId, null)])));
        var locked = await host.EventuallyAsync(async () => (await EntriesAsync(host, "warehouse.945.sage-locked")).FirstOrDefault(), "the locked entry");
        Assert.Equal(ExceptionState.Open, locked.State);
        Assert.Contains("locked", locked.Message, StringComparison.Ordinal);
        Assert.Equal(0m, (await DespatchedAsync(host, id))["MUG-BLU-350"]); // nothing recorded, nothing reported as done

        await SetInStateAsync(host, documentNo, "945", LineageStates.Posted);
        var despatched = await DespatchedAsync(host, id);
        Assert.Equal((24m, 10m), (despatched["MUG-BLU-350"], despatched["TOWEL-GRY-L"]));
        Assert.Equal(ExceptionState.Resolved, (await host.Get<ExceptionQueue>().GetAsync(locked.Id, default))!.State);
    }

    [Fact]
    public async Task A_945_whose_Sage_answer_is_lost_is_looked_up_and_never_despatched_twice()
    {
        await using var host = await StartAsync();
        var (id, documentNo) = await CreateSageOrderAsync(host, "3PL-T9200005", (135872, 24, 4.25m));
        var lines = Lines940(File.ReadAllText(await ReleaseAsync(host, id, documentNo)));
        var faults = host.Get<SagePosting>().Connection!.Sandbox!.Services.GetRequiredService<SandboxFaultInjector>();
        faults.Set(faults.Current with { DropNextWrites = 1 }); // Sage records the despatch, the answer never arrives

        host.Drop(Tpl, "945.edi", ShippingAdvice(9305, documentNo, null, "ACME1920000006", DateOnly.FromDateTime(DateTime.UtcNow),
            (Sscc18(920006), [("CC", 2, 2, "CA", "ACL-MUG350", lines[0].LineId, null)])));
        var lost = await host.EventuallyAsync(async () => (await EntriesAsync(host, "warehouse.945.sage-unanswered")).FirstOrDefault(), "the lost-answer entry");
        Assert.Contains("lost", lost.Message, StringComparison.Ordinal);

        await SetInStateAsync(host, documentNo, "945", LineageStates.Posted);
        Assert.Equal(24m, (await DespatchedAsync(host, id))["MUG-BLU-350"]);
        var company = host.Company();
        Assert.Equal(1, await company.ReadAsync(() => company.Store.All("sop_despatch_receipts").Count(r => (long?)r["_sop_order_id"] == id), default));
        Assert.Equal(ExceptionState.Resolved, (await host.Get<ExceptionQueue>().GetAsync(lost.Id, default))!.State);
    }

    [Fact]
    public async Task A_945_for_an_order_never_released_stays_queued_until_the_940_goes_then_posts()
    {
        await using var host = await StartAsync();
        var (id, documentNo) = await CreateSageOrderAsync(host, "3PL-T9200003", (135873, 48, 2.10m));
        var lineId = (await host.Get<SagePosting>().Connection!.Client.GetSalesOrderAsync(id, default))!.Lines![0].Id!.Value.ToString(CultureInfo.InvariantCulture);

        // the 3PL reports a despatch of an order this gateway has not released to it (yet)
        host.Drop(Tpl, "945-early.edi", ShippingAdvice(9303, documentNo, null, "ACME1920000003", DateOnly.FromDateTime(DateTime.UtcNow),
            (Sscc18(920004), [("CC", 2, 2, "CA", "ACL-TEA080", lineId, null)])));
        var unknown = await host.EventuallyAsync(async () => (await EntriesAsync(host, "warehouse.945.unknown-order")).FirstOrDefault(), "the unknown-order entry");
        Assert.Contains(documentNo, unknown.Message, StringComparison.Ordinal);
        await SetInStateAsync(host, documentNo, "945", LineageStates.Posting);
        Assert.Equal(0m, (await DespatchedAsync(host, id))["TEA-EBR-080"]);

        var lines = Lines940(File.ReadAllText(await ReleaseAsync(host, id, documentNo)));
        Assert.Equal([("ACL-TEA080", "2", "CA", lineId)], lines);
        await SetInStateAsync(host, documentNo, "945", LineageStates.Posted);
        Assert.Equal(48m, (await DespatchedAsync(host, id))["TEA-EBR-080"]);
        Assert.Equal(ExceptionState.Resolved, (await host.Get<ExceptionQueue>().GetAsync(unknown.Id, default))!.State);
    }

    [Fact]
    public async Task A_3PL_released_on_status_gets_the_Live_orders_of_its_warehouse_once_each()
    {
        await using var host = await AmazonHost.StartAsync(
            partners => File.WriteAllText(Path.Combine(partners, Tpl, "partner.yaml"),
                File.ReadAllText(Path.Combine(partners, Tpl, "partner.yaml")).Replace("releaseOn: creation", "releaseOn: status", StringComparison.Ordinal)),
            "--Pipeline:InvoicePollSeconds", "3600", "--Warehouse:ReleasePollSeconds", "1");
        var (_, documentNo) = await CreateSageOrderAsync(host, "3PL-T9200006", (135875, 30, 9.99m));
        var client = host.Get<SagePosting>().Connection!.Client;
        var elsewhere = await client.CreateSalesOrderAsync(new Sage200.Models.SageSopOrder
        {
            CustomerId = 27010, CustomerDocumentNo = "3PL-T9200007", DocumentDate = DateTimeOffset.UtcNow.Date,
            DeliveryAddress = new Sage200.Models.SageDeliveryAddress { PostalName = "Bright Retail Ltd", Address1 = "12 High Street", City = "Leeds", Postcode = "LS1 1AA" },
            Lines = [new Sage200.Models.SageSopOrderLine { LineType = Sage200.Models.SageLineType.Standard, ProductId = 135875, WarehouseId = 1214, LineQuantity = 5, SellingUnitId = 5010, SellingUnitPrice = 9.99m, TaxCodeId = 1729 }],
        }, default); // picked from MAIN: not the 3PL's

        var file = await host.EventuallyAsync(() => Task.FromResult(host.Sent(Tpl, "warehouse-940").FirstOrDefault()), "the 940 released on status");
        Assert.Contains($"W05*N*{documentNo}*T9200006~", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Empty(GuideErrors(host, File.ReadAllText(file)));
        await host.Get<WarehouseStatusRelease>().PollAsync(default);
        Assert.Single(host.Sent(Tpl, "warehouse-940"));
        Assert.Null(await host.Get<WarehouseStore>().FindFulfilmentAsync(Tpl, elsewhere.Value!.Id!.Value, default));
        Assert.Empty(await EntriesAsync(host, "warehouse.940.refused"));
    }

    [Fact]
    public async Task An_846_with_seeded_drift_lists_exactly_the_drifted_SKUs_and_keeps_history()
    {
        await using var host = await StartAsync();
        var client = host.Get<SagePosting>().Connection!.Client;
        var inStock = new Dictionary<long, decimal>();
        await foreach (var h in client.GetWarehouseHoldingsAsync(new() { Filter = Sage200.OData.ODataFilter.Eq("warehouse_id", LeedsWarehouseId) }, cancellationToken: default))
        {
            inStock[h.ProductId] = h.QuantityInStock;
        }

        string Qty(long product, decimal delta) => (inStock[product] + delta).ToString(CultureInfo.InvariantCulture);
        byte[] Advice(long control, string reference, decimal teaDelta, decimal towelDelta) => Interchange(control, "IB",
        [
            "ST*846*0001", $"BIA*00*MM*{reference}*20261202*0600", "DTM*007*20261201*2359", "N1*WH*Acme Logistics Leeds*ZZ*LEEDS1",
            "LIN**VN*ACL-MUG350", $"QTY*17*{Qty(135872, 0)}*EA",
            "LIN**VN*ACL-TEA080", $"QTY*17*{Qty(135873, teaDelta)}*EA",
            "LIN**VN*ACL-TOWELL", $"QTY*17*{Qty(135875, towelDelta)}*EA",
            "SE*11*0001",
        ]);

        host.Drop(Tpl, "846-1.edi", Advice(9401, "INV-1", -10, 3)); // tea 10 short at the 3PL (above 5 units), towels 3 over (within)
        await SetInStateAsync(host, "9401", "846", LineageStates.Processed);
        var drift = Assert.Single(await EntriesAsync(host, "warehouse.846.drift"));
        Assert.Contains("TEA-EBR-080", drift.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOWEL-GRY-L", drift.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MUG-BLU-350", drift.Message, StringComparison.Ordinal);
        var parity = await host.Client.GetFromJsonAsync<JsonObject>($"/api/stock-parity/{Tpl}");
        var exceptions = parity!["report"]!["exceptions"]!.AsArray();
        Assert.Equal(["TEA-EBR-080"], exceptions.Select(e => (string)e!["productCode"]!).ToArray());
        Assert.Equal(-10m, (decimal)exceptions[0]!["drift"]!);
        var tea = parity["report"]!["lines"]!.AsArray().Single(l => (string?)l!["productCode"] == "TEA-EBR-080")!;
        Assert.Equal((inStock[135873] - 10, inStock[135873]), ((decimal)tea["threePlQuantity"]!, (decimal)tea["sageInStock"]!));

        host.Drop(Tpl, "846-2.edi", Advice(9402, "INV-2", 0, 0));
        await SetInStateAsync(host, "9402", "846", LineageStates.Processed);
        parity = await host.Client.GetFromJsonAsync<JsonObject>($"/api/stock-parity/{Tpl}");
        Assert.Equal(["INV-2", "INV-1"], parity!["history"]!.AsArray().Select(p => (string)p!["reference"]!).ToArray());
        Assert.Equal([0m, 13m], parity["history"]!.AsArray().Select(p => (decimal)p!["absoluteDrift"]!).ToArray());
        Assert.Single(await EntriesAsync(host, "warehouse.846.drift"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/stock-parity/nobody")).StatusCode);
    }
}

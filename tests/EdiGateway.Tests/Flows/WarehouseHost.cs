using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Validation;
using EdiGateway.Flows.Common;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200.Models;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Flows;

/// <summary>The gateway with the sample partners (Amazon and the Acme 3PL on drop folders) and the SANDBOX, and what the 3PL would send.</summary>
internal static class WarehouseHost
{
    public const string Tpl = "acme-3pl-test";

    /// <summary>Sage warehouse 3PL-LEEDS in the SANDBOX (the sample 3PL's <c>sageWarehouse</c>).</summary>
    public const long LeedsWarehouseId = 1215;

    public static Task<GatewayHost> StartAsync(params string[] settings) =>
        AmazonHost.StartAsync(["--Pipeline:InvoicePollSeconds", "3600", "--Warehouse:RetrySeconds", "1", .. settings]);

    /// <summary>As <see cref="StartAsync"/>, with the 3PL on SFTP: a real sshd on loopback whose remote folders are the
    /// paths the drop-folder helpers use (no chroot), so <c>Drop</c> puts a file where the gateway's SFTP poll fetches it
    /// and <c>Sent</c> reads what the gateway uploaded.</summary>
    public static Task<GatewayHost> StartOverSftpAsync(Transports.SshdPeer sshd, params string[] settings) =>
        AmazonHost.StartAsync(partners =>
        {
            var home = Path.GetDirectoryName(partners)!;
            var folder = Path.Combine(partners, Tpl);
            File.Copy(sshd.HostKeyPub, Path.Combine(folder, "sftp-host.pub"));
            string Remote(string name) => Directory.CreateDirectory(Path.Combine(home, "data", "dropbox", Tpl, name)).FullName;
            Transports.TransportTestKit.SetTransport(folder, $"""
                transport:
                  type: sftp
                  settings:
                    host: 127.0.0.1
                    port: "{sshd.Port}"
                    user: {Environment.UserName}
                    keyFile: {sshd.ClientKey}
                    hostKey: sftp-host.pub
                    pickup: {Remote("in")}
                    drop: {Remote("out")}
                    archive: {Remote("archive")}
                    pollSeconds: "1"
                """);
        }, ["--Pipeline:InvoicePollSeconds", "3600", "--Warehouse:RetrySeconds", "1", .. settings]);

    /// <summary>A Sage order entered in Sage directly (not from Amazon) for a trade customer, lines in 3PL-LEEDS; returns (id, document_no).</summary>
    public static async Task<(long Id, string DocumentNo)> CreateSageOrderAsync(GatewayHost host, string customerDocumentNo, params (long ProductId, decimal Eaches, decimal Price)[] lines)
    {
        var client = host.Get<SagePosting>().Connection!.Client;
        var created = await client.CreateSalesOrderAsync(new SageSopOrder
        {
            CustomerId = 27010, // BRIGHT01
            CustomerDocumentNo = customerDocumentNo,
            DocumentDate = DateTimeOffset.UtcNow.Date,
            UseInvoiceAddress = false,
            DeliveryAddress = new SageDeliveryAddress { PostalName = "Bright Retail Ltd", Address1 = "12 High Street", City = "Leeds", Postcode = "LS1 1AA", Country = "GB" },
            Lines = [.. lines.Select(l => new SageSopOrderLine
            {
                LineType = SageLineType.Standard, ProductId = l.ProductId, WarehouseId = LeedsWarehouseId, LineQuantity = l.Eaches, SellingUnitId = 5010,
                SellingUnitPrice = l.Price, TaxCodeId = 1729,
            })],
        }, default);
        Assert.False(created.IsRefused, string.Join("; ", created.Refusals));
        return (created.Value!.Id!.Value, created.Value.DocumentNo!);
    }

    /// <summary>POST /api/warehouse/{3PL}/releases and the 940 file it wrote (the newest for this order).</summary>
    public static async Task<string> ReleaseAsync(GatewayHost host, long sageOrderId, string documentNo)
    {
        var response = await host.Client.PostAsJsonAsync($"/api/warehouse/{Tpl}/releases", new { sageOrderId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains((string?)body!["status"], new[] { "Sent", "AlreadySent" });
        return await host.EventuallyAsync(() => Task.FromResult(host.Sent(Tpl, "warehouse-940")
            .FirstOrDefault(f => File.ReadAllText(f).Contains($"W05*N*{documentNo}*", StringComparison.Ordinal))), "the 940 of " + documentNo);
    }

    /// <summary>Errors of <paramref name="x12"/> against the 3PL guide (generic-3pl), as the outbound gate checks it.</summary>
    public static IReadOnlyList<X12Error> GuideErrors(GatewayHost host, string x12)
    {
        var processor = new X12Processor(host.Get<EdiSpecs>().Library, new X12ValidationOptions { GuideId = "generic-3pl" });
        return [.. processor.Validate(new MemoryStream(Encoding.UTF8.GetBytes(x12))).AllErrors.Where(e => e.Severity == X12Severity.Error)];
    }

    /// <summary>(warehouse SKU, quantity, unit, Sage line id) of each W01 of a 940.</summary>
    public static List<(string Sku, string Qty, string Unit, string LineId)> Lines940(string x12)
    {
        var set = AmazonPurchaseOrderTests.ReadSet(x12);
        var result = new List<(string, string, string, string)>();
        (string Sku, string Qty, string Unit)? current = null;
        foreach (var s in set.Segments)
        {
            if (s.Id == "W01")
            {
                current = (s[5], s[1], s[2]);
            }
            else if (s.Id == "N9" && s[1] == "LI" && current is { } c)
            {
                result.Add((c.Sku, c.Qty, c.Unit, s[2]));
                current = null;
            }
        }

        return result;
    }

    /// <summary>A valid SSCC-18 under the vendor's GS1 prefix, as 20 digits for MAN*GM (AI 00).</summary>
    public static string Sscc18(long serial) => Sscc.Create(0, "5012345", serial, out _)!;

    /// <summary>
    /// A 945 for <paramref name="documentNo"/>: one LX carton (MAN*GM) per entry of <paramref name="cartons"/>, each with its W12s
    /// (status, ordered, shipped, unit, SKU, Sage line, W1219 reason).
    /// </summary>
    public static byte[] ShippingAdvice(long control, string documentNo, string? po, string bol, DateOnly shipDate,
        params (string? Sscc, (string Status, decimal Ordered, decimal Shipped, string Unit, string Sku, string LineId, string? Reason)[] Lines)[] cartons)
    {
        var date = shipDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var body = new List<string>
        {
            "ST*945*0001",
            $"W06*F*{documentNo}*{date}*{bol}*PRO{control}*{po}",
            "N1*WH*Acme Logistics Leeds*ZZ*LEEDS1",
            $"G62*11*{date}",
            "W27*M*UPSN",
        };
        var lx = 0;
        decimal total = 0;
        foreach (var (sscc, lines) in cartons)
        {
            body.Add(string.Create(CultureInfo.InvariantCulture, $"LX*{++lx}"));
            if (sscc is not null)
            {
                body.Add($"MAN*GM*00{sscc}");
            }

            foreach (var l in lines)
            {
                total += l.Shipped;
                body.Add(string.Create(CultureInfo.InvariantCulture,
                    $"W12*{l.Status}*{l.Ordered}*{l.Shipped}*{l.Ordered - l.Shipped}*{l.Unit}**VN*{l.Sku}{(l.Reason is null ? "" : "***********" + l.Reason)}"));
                body.Add($"N9*LI*{l.LineId}");
            }
        }

        body.Add(string.Create(CultureInfo.InvariantCulture, $"W03*{total}"));
        body.Add(string.Create(CultureInfo.InvariantCulture, $"SE*{body.Count + 1}*0001"));
        return Interchange(control, "SW", body);
    }

    /// <summary>An interchange from the 3PL to us holding one set (<paramref name="set"/> without delimiters).</summary>
    public static byte[] Interchange(long control, string functionalId, IEnumerable<string> set)
    {
        var now = DateTime.UtcNow;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"ISA*00*          *00*          *ZZ*ACMELOGISTICS  *ZZ*ACMEVENDOR     *{now:yyMMdd}*{now:HHmm}*U*00401*{control:D9}*0*T*>~\n")
            .Append(CultureInfo.InvariantCulture, $"GS*{functionalId}*ACMELOGISTICS*ACMEVENDOR*{now:yyyyMMdd}*{now:HHmm}*{control}*X*004010~\n");
        foreach (var s in set)
        {
            text.Append(s).Append("~\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"GE*1*{control}~\nIEA*1*{control:D9}~\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Waits for the 3PL set of <paramref name="setId"/> with business key <paramref name="key"/> to reach <paramref name="state"/>.</summary>
    public static Task<LineageEntry> SetInStateAsync(GatewayHost host, string key, string setId, string state, int seconds = 30) =>
        host.EventuallyAsync(async () => (await host.Get<LineageLog>().FindTreeAsync(key, default))
            .FirstOrDefault(e => e.Kind == LineageKind.TransactionSet && e.DocumentType == setId && e.State == state), $"the {setId} {key} {state}", seconds);

    /// <summary>Queue entries with <paramref name="reason"/>.</summary>
    public static async Task<List<ExceptionEntry>> EntriesAsync(GatewayHost host, string reason)
    {
        await using var db = await host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        return await db.Exceptions.AsNoTracking().Where(e => e.ReasonCode == reason).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Eaches despatched per product code on a Sage order (the SANDBOX's own record).</summary>
    public static async Task<Dictionary<string, decimal>> DespatchedAsync(GatewayHost host, long sageOrderId)
    {
        var company = host.Company();
        return await company.ReadAsync(() => company.Store.Get("sop_orders", sageOrderId)!["lines"]!.AsArray().OfType<JsonObject>()
            .Where(l => (string?)l["code"] is not null)
            .ToDictionary(l => (string)l["code"]!, l => (decimal?)l["_stock_despatched"] ?? 0m), default);
    }
}

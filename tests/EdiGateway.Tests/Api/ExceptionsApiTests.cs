using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Api;

public sealed class ExceptionsApiTests : IAsyncLifetime
{
    private GatewayHost? host;

    private GatewayHost Host => host!;

    public async Task InitializeAsync() => host = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await host!.DisposeAsync();

    [Fact]
    public async Task List_FilterByPartnerSeverityAndText_ReturnsOnlyMatchingEntriesNewestFirst()
    {
        var queue = Host.Get<ExceptionQueue>();
        await queue.RaiseAsync(Entry("amazon-vc-test", Severity.Error, "PO1 line 3 (segment 14), element PO103 unit of measure 'CS' is not in Amazon's list (EA, CA)"), default);
        await queue.RaiseAsync(Entry("amazon-vc-test", Severity.Warning, "Net cost 9.10 differs from the Sage price 9.00 by more than 2%"), default);
        await queue.RaiseAsync(Entry("acme-3pl-test", Severity.Critical, "945 for shipment SH-1 cannot post: order locked in Sage"), default);

        var page = await Host.Client.GetFromJsonAsync<JsonElement>("/api/exceptions?partner=amazon-vc-test&severity=error&text=po103");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Contains("PO103", page.GetProperty("items")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var all = await Host.Client.GetFromJsonAsync<JsonElement>("/api/exceptions?pageSize=2");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal("acme-3pl-test", all.GetProperty("items")[0].GetProperty("partnerId").GetString());
    }

    [Fact]
    public async Task List_UnknownSeverity_IsAProblemNamingTheAllowedValues()
    {
        using var response = await Host.Client.GetAsync("/api/exceptions?severity=urgent");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Info, Warning, Error, Critical", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EntryWithDocumentAndLineage_ShowsRawDocumentErrorsAndTree()
    {
        var stored = await Host.Get<IDocumentStore>().StoreAsync(new MemoryStream("ISA*00*...~"u8.ToArray()), new DocumentInfo("application/edi-x12"), default);
        var lineage = await Host.Get<LineageLog>().AddAsync(new LineageEntry
        {
            Kind = LineageKind.TransactionSet, Direction = Direction.Inbound, State = LineageStates.Rejected,
            PurchaseOrderNumber = "PO777", DocumentSha256 = stored.Sha256, CreatedAt = default, UpdatedAt = default,
        }, null, default);
        var entry = Entry("amazon-vc-test", Severity.Error, "BEG03 purchase order number is missing");
        entry.LineageEntryId = lineage;
        entry.DocumentSha256 = stored.Sha256;
        entry.DetailJson = """{"errors":[{"segment":"BEG","ordinal":2,"element":3,"code":"1"}]}""";
        var id = await Host.Get<ExceptionQueue>().RaiseAsync(entry, default);

        var detail = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/exceptions/{id}");

        Assert.Equal("ISA*00*...~", detail.GetProperty("rawDocument").GetString());
        Assert.Equal("BEG", detail.GetProperty("detail").GetProperty("errors")[0].GetProperty("segment").GetString());
        Assert.Equal("PO777", detail.GetProperty("lineage")[0].GetProperty("purchaseOrderNumber").GetString());
    }

    [Fact]
    public async Task Dismiss_WithoutReasonOrActor_IsRefused_WithReasonTwice_AuditedOnce()
    {
        var id = await Host.Get<ExceptionQueue>().RaiseAsync(Entry("amazon-vc-test", Severity.Error, "duplicate test PO"), default);

        using var noActor = await Host.Client.PostAsJsonAsync($"/api/exceptions/{id}/dismiss", new { reason = "test" });
        using var noReason = await Send(id, reason: null, key: "k1");
        using var first = await Send(id, "Amazon test order, confirmed by the vendor manager", "k2");
        using var again = await Send(id, "Amazon test order, confirmed by the vendor manager", "k2");

        Assert.Equal(HttpStatusCode.BadRequest, noActor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var audit = await db.Audit.Where(a => a.EntityType == "exception").ToListAsync();
        Assert.Single(audit);
        Assert.Equal("ops.anna", audit[0].Actor);
        Assert.Equal(ExceptionState.Dismissed, (await db.Exceptions.SingleAsync(e => e.Id == id)).State);
    }

    private async Task<HttpResponseMessage> Send(long id, string? reason, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exceptions/{id}/dismiss") { Content = JsonContent.Create(new { reason }) };
        request.Headers.Add("X-Actor", "ops.anna");
        request.Headers.Add("Idempotency-Key", key);
        return await Host.Client.SendAsync(request);
    }

    private static ExceptionEntry Entry(string partner, Severity severity, string message) => new()
    {
        Queue = "ops",
        PartnerId = partner,
        Flow = "amazon-850",
        ReasonCode = "x12.test",
        Message = message,
        Severity = severity,
        CreatedAt = default,
        UpdatedAt = default,
    };
}

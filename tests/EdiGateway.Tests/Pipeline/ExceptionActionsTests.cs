using System.Net;
using System.Net.Http.Json;
using System.Text;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Tests.Pipeline;

/// <summary>Resubmit after a profile fix and replace with an edited document, through the REST API.</summary>
public sealed class ExceptionActionsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private GatewayHost? host;

    private GatewayHost Host => host!;

    public async Task InitializeAsync() => host = await GatewayHost.StartWithSamplePartnersAsync();

    public async Task DisposeAsync() => await host!.DisposeAsync();

    [Fact]
    public async Task Resubmit_UnknownSenderAfterTheProfileIsCorrected_ProcessedAndAcknowledged()
    {
        var monitor = Host.Get<PipelineMonitor>();
        var processed = monitor.WaitForAsync(e => e is PipelineEvent.DocumentProcessed, Wait);
        var po = X12Fixtures.PurchaseOrder("0001", "T9000001", 2);
        Host.Drop("amazon-vc-test", "eu.edi", Encoding.ASCII.GetBytes(X12Fixtures.Interchange(555, [po], sender: "AMAZONEU")));
        await processed;
        var entry = await SingleEntryAsync("partner.unknown");

        var profile = Host.Home.Combine("partners", "amazon-vc-test", "partner.yaml");
        await File.WriteAllTextAsync(profile, (await File.ReadAllTextAsync(profile)).Replace("id: AMAZON }", "id: AMAZONEU }", StringComparison.Ordinal));
        Host.Get<PartnerCatalog>().Reload();
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled, Wait);
        using var response = await PostAsync($"/api/exceptions/{entry.Id}/resubmit", null);
        await handled;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var set = await db.Lineage.SingleAsync(e => e.Kind == LineageKind.TransactionSet);
        Assert.Equal(("T9000001", LineageStates.ReadyToPost, "amazon-vc-test"), (set.PurchaseOrderNumber, set.State, set.PartnerId));
        Assert.Equal(LineageStates.Processed, (await db.Lineage.SingleAsync(e => e.Kind == LineageKind.Interchange)).State);
        Assert.Equal(ExceptionState.Resubmitted, (await db.Exceptions.SingleAsync(e => e.Id == entry.Id)).State);
        Assert.Single(Directory.GetFiles(Host.Outbox("amazon-vc-test"), "*.edi"));
        Assert.Single(await db.Audit.Where(a => a.Action == "exception.resubmitted").ToListAsync());
    }

    [Fact]
    public async Task Resubmit_RejectedSetThatIsStillInvalid_RefusedWithTheReason()
    {
        var monitor = Host.Get<PipelineMonitor>();
        var processed = monitor.WaitForAsync(e => e is PipelineEvent.DocumentProcessed, Wait);
        Host.Drop("amazon-vc-test", "bad.edi", Encoding.ASCII.GetBytes(X12Fixtures.Interchange(556, [X12Fixtures.PurchaseOrder("0001", "T9000002", 1).Replace("*EA*", "*CS*", StringComparison.Ordinal)])));
        await processed;
        var entry = await SingleEntryAsync("x12.");

        using var response = await PostAsync($"/api/exceptions/{entry.Id}/resubmit", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("still invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_RejectedSetWithAnEditedDocument_ProcessedAndTheOriginalKept()
    {
        var monitor = Host.Get<PipelineMonitor>();
        var processed = monitor.WaitForAsync(e => e is PipelineEvent.DocumentProcessed, Wait);
        var good = X12Fixtures.Interchange(557, [X12Fixtures.PurchaseOrder("0001", "T9000003", 1)]);
        var bad = good.Replace("*EA*", "*CS*", StringComparison.Ordinal);
        Host.Drop("amazon-vc-test", "bad.edi", Encoding.ASCII.GetBytes(bad));
        await processed;
        var entry = await SingleEntryAsync("x12.");
        var originalSha = entry.DocumentSha256;

        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled, Wait);
        using var response = await PostAsync($"/api/exceptions/{entry.Id}/replace", Encoding.ASCII.GetBytes(good));
        await handled;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        var interchanges = await db.Lineage.Where(e => e.Kind == LineageKind.Interchange).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([LineageStates.Replaced, LineageStates.Processed], interchanges.Select(i => i.State));
        Assert.Single(await db.Lineage.Where(e => e.Kind == LineageKind.TransactionSet && e.State == LineageStates.ReadyToPost).ToListAsync());
        Assert.True(await Host.Get<IDocumentStore>().VerifyAsync(originalSha!, default));
        Assert.Equal(2, Directory.GetFiles(Host.Outbox("amazon-vc-test"), "*.edi").Length);
    }

    private async Task<ExceptionEntry> SingleEntryAsync(string reasonPrefix)
    {
        await using var db = await Host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        return await db.Exceptions.SingleAsync(e => e.ReasonCode.StartsWith(reasonPrefix));
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[]? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? JsonContent.Create(new { }) : new ByteArrayContent(body) };
        request.Headers.Add("X-Actor", "ops.sam");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return Host.Client.SendAsync(request);
    }
}

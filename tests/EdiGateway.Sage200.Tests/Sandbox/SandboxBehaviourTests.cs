using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Tests.Infrastructure;
using EdiGateway.Sandbox;
using EdiGateway.Sandbox.Sage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Sage200.Tests.Sandbox;

public sealed class SandboxBehaviourTests : IAsyncLifetime
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
    public async Task EveryListEndpoint_SeededCompany_ResponsesMatchContract()
    {
        var c = await host.ConnectAsync();
        var sage = c.Client;
        await sage.CreateSalesOrderAsync(PostingHelpers.AmazonOrder("VIEW1").Order with { CustomerDocumentNo = "AMZ-VIEW1" }, default);

        foreach (var template in SageContract.Default.PathTemplates.Where(t => !t.Contains('{', StringComparison.Ordinal) && SageContract.Default.HasOperation("GET", t)))
        {
            var items = await sage.GetPageAsync<JsonObject>(template, null, default);
            Assert.True(items.Count >= 0);
        }

        foreach (var (resource, id) in new[] { ("/customers", 27006L), ("/products", 135872L), ("/banks", 1001L), ("/warehouse_holdings", 88001L) })
        {
            Assert.NotNull(await sage.GetByIdAsync<JsonObject>(resource, id, null, default));
        }

        Assert.True(c.Capture.Violations.IsEmpty, string.Join("\n", c.Capture.Violations.Distinct()));
        Assert.Contains(c.Capture.Calls, x => x.Resource == "/sop_order_return_views" && x.ResponseBody.Contains("AMZ-VIEW1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_SecondOfThreeLinesInvalid_FirstSavedThirdSkipped400()
    {
        var c = await host.ConnectAsync();
        var order = (await c.Client.CreateSalesOrderAsync(PostingHelpers.AmazonOrder("PUT1").Order with { CustomerDocumentNo = "AMZ-PUT1" }, default)).Value!;
        var body = """{"lines":[{"line_type":"EnumLineTypeFreeText","description":"first","line_quantity":1,"selling_unit_price":1.0},{"line_type":"EnumLineTypeStandard","product_id":999,"warehouse_id":1214,"line_quantity":1},{"line_type":"EnumLineTypeFreeText","description":"third","line_quantity":1,"selling_unit_price":1.0}]}""";

        using var response = await SendAsync(c, HttpMethod.Put, $"/sop_orders/{order.Id}", body);
        var after = (await c.Client.GetSalesOrderAsync(order.Id!.Value, default))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Product record not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["EnumLineTypeStandard", "EnumLineTypeFreeText"], after.Lines!.Select(l => l.LineType));
        Assert.Equal("first", after.Lines![1].Description);
    }

    [Fact]
    public async Task Post_OverLongField_Sage400WithMessageBody()
    {
        var c = await host.ConnectAsync();

        using var response = await SendAsync(c, HttpMethod.Post, "/sop_orders", """{"customer_id":27006,"customer_document_no":"AMZ-0123456789012345678901234567","lines":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Message"]!.GetValue<string>();
        Assert.Contains("maximum length of 30", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LedgerCreditWithoutTaxCodeId_SageNullFieldException()
    {
        var c = await host.ConnectAsync();

        using var response = await SendAsync(c, HttpMethod.Post, "/sales_credit_notes", """{"customer_id":27006,"document_goods_value":10,"document_tax_value":2,"tax_analysis_items":[{"goods_amount":10,"tax_amount":2}],"nominal_analysis_items":[{"code":"4010","value":10}]}""");

        Assert.Contains("SageNullFieldException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/customers?$skip=2", HttpStatusCode.BadRequest)]
    [InlineData("/customers?$top=-1", HttpStatusCode.BadRequest)]
    [InlineData("/customers?$select=id,nope", HttpStatusCode.BadRequest)]
    [InlineData("/customers?$orderby=nope", HttpStatusCode.BadRequest)]
    [InlineData("/customers?$filter=name eq 'O''Brien' or reference eq 'WEBCASH'", HttpStatusCode.OK)]
    [InlineData("/product_groups", HttpStatusCode.NotFound)]
    public async Task Get_ODataRules_AnswerLikeSage(string pathAndQuery, HttpStatusCode expected)
    {
        var c = await host.ConnectAsync();

        using var response = await SendAsync(c, HttpMethod.Get, pathAndQuery, null);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_CountTrue_IsBareInteger()
    {
        var c = await host.ConnectAsync();

        using var response = await SendAsync(c, HttpMethod.Get, "/customers?$count=true&$filter=startswith(reference,'AMZ')", null);

        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_NoBearerOrNoSite_401And403()
    {
        using var http = host.CreateClient();

        using var unauthorised = await http.GetAsync(new Uri(SandboxHost.BasePath + "/customers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal("""{"Message":"Authorization has been denied for this request."}""", await unauthorised.Content.ReadAsStringAsync());
        Assert.Equal("true", unauthorised.Headers.GetValues("X-Sandbox").Single());
    }

    [Fact]
    public async Task Root_RealKestrelOnLoopback_LabelledSandbox()
    {
        var path = Path.Combine(Path.GetTempPath(), "edigw-kestrel-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateBuilder(["--Sandbox:DatabasePath=" + path]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSageSandbox();
        await using var app = builder.Build();
        app.MapSageSandbox();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient();

            using var response = await http.GetAsync(new Uri(address + "/"));
            var root = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.True(root["sandbox"]!.GetValue<bool>());
            Assert.Equal("true", response.Headers.GetValues("X-Sandbox").Single());
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Restart_SameDatabase_KeepsOrdersAndNumbering()
    {
        var c = await host.ConnectAsync();
        var first = (await c.Client.CreateSalesOrderAsync(PostingHelpers.AmazonOrder("KEEP1").Order with { CustomerDocumentNo = "AMZ-KEEP1" }, default)).Value!;
        var store = host.Services.GetRequiredService<EdiGateway.Sandbox.Storage.SageStore>();
        var factory = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<EdiGateway.Sandbox.Storage.SandboxDbContext>>();

        var reloaded = new EdiGateway.Sandbox.Storage.SageStore(factory);

        Assert.NotNull(reloaded.Get("sop_orders", first.Id!.Value));
        Assert.True(reloaded.NextId("sop_orders") > first.Id.Value);
        Assert.NotSame(store, reloaded);
    }

    /// <summary>Raw call past the connector (deliberately invalid bodies must not count as connector violations).</summary>
    private async Task<HttpResponseMessage> SendAsync(ConnectedClient c, HttpMethod method, string pathAndQuery, string? body)
    {
        using var raw = new HttpClient(host.Server.CreateHandler());
        var token = await c.Tokens.GetAccessTokenAsync(default);
        using var request = new HttpRequestMessage(method, new Uri("http://localhost" + SandboxHost.BasePath + pathAndQuery));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Site", SandboxCompany.SiteId);
        request.Headers.Add("X-Company", "1");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await raw.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EdiGateway.Flows.Amazon.Remittances;
using EdiGateway.Pipeline;
using EdiGateway.Sage200.Models;
using EdiGateway.Sandbox.Sage;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using EdiGateway.Tests.Sage;
using EdiGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Tests.Flows;

/// <summary>
/// The Amazon 820 end to end: dropped in the partner's folder, validated and acknowledged by the pipeline, matched to
/// Sage invoices in the in-process SANDBOX and posted (receipt, allocation, one bank payment per deduction).
/// </summary>
public sealed class RemittanceFlowTests : IAsyncLifetime
{
    internal static readonly string[] SageOn =
    [
        "--Sage200:Enabled", "true",
        "--Sage200:UseSandbox", "true",
        "--Sage200:RestartMinBackoffMilliseconds", "50",
        "--Sage200:RestartMaxBackoffSeconds", "1",
    ];

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private GatewayHost? host;

    private GatewayHost Host => host!;

    public async Task InitializeAsync() => host = await GatewayHost.StartWithSamplePartnersAsync(SageOn);

    public async Task DisposeAsync() => await host!.DisposeAsync();

    [Fact]
    public async Task Drop_820WithShortageCoopAndAdx_ReceiptAllocationsAndABankPaymentPerDeductionTieToThePenny()
    {
        await SeedInvoicesAsync(Host);
        var text = Remittance("PAY0007001", 744.50m, "RMR*IV*SI-9001**600.00*600.00", "RMR*IV*SI-9002**230.00*240.00", "ADX*-10.00*22*IV*SI-9002",
            "RMR*IV*SI-9001SC**-35.50", "RMR*IV*ABCD-12345678**-50.00");

        var set = await DropAndWaitAsync(Host, 301, text, LineageStates.Posted);

        var company = Company(Host);
        var receipt = Assert.Single(await ReceiptsAsync(company));
        Assert.Equal((840.00m, "PAY0007001", 27006L), ((decimal)receipt["document_gross_value"]!, (string?)receipt["reference"], (long)receipt["customer_id"]!));
        Assert.Equal(0m, (decimal)receipt["document_outstanding_value"]!);
        Assert.All(await InvoicesAsync(company), i => Assert.Equal(0m, (decimal)i["document_outstanding_value"]!));
        var payments = await BankPaymentsAsync(company);
        Assert.Equal([("7900", 10.00m), ("4010", 35.50m), ("7900", 50.00m)], payments.Select(p => ((string)p["nominal_analysis_items"]![0]!["code"]!, (decimal)p["cheque_value"]!)));
        Assert.All(payments, p => Assert.Equal(("PAY0007001", SandboxCompany.BankPaymentType), ((string?)p["reference"], (string?)p["bank_transaction_type"])));
        Assert.Contains("ADX 22 on SI-9002", Narrative(payments[0]), StringComparison.Ordinal);
        Assert.Contains("Amazon ref SI-9001SC", Narrative(payments[1]), StringComparison.Ordinal);
        Assert.Contains("Amazon ref ABCD-12345678", Narrative(payments[2]), StringComparison.Ordinal);
        Assert.Equal(744.50m, await ClearingBalanceAsync(company)); // = BPR02: 840.00 received - 95.50 deducted

        var children = await Host.Get<LineageLog>().ChildrenAsync(set.Id, default);
        Assert.Equal(
            [("sage200.sales-receipt", 840.00m), ("sage200.sales-allocation", 840.00m), ("sage200.bank-payment", 10.00m), ("sage200.bank-payment", 35.50m), ("sage200.bank-payment", 50.00m)],
            children.Where(c => c.Kind == LineageKind.ErpPosting).Select(c => (c.DocumentType!, c.Amount!.Value)));
        Assert.Equal(("SI-9002", "SI-9001"), (children.Single(c => c.Ordinal == 3).InvoiceNumber, children.Single(c => c.Ordinal == 4).InvoiceNumber));
        await using var db = await Db(Host);
        Assert.Empty(await db.Exceptions.Where(e => e.Queue == "finance").ToListAsync());
        var record = await db.Set<RemittanceRecord>().SingleAsync();
        Assert.Equal((RemittanceStore.Posted, 744.50m, set.Id), (record.State, record.Paid, record.LineageEntryId));
        Assert.All(await db.Set<RemittanceStep>().ToListAsync(), s => Assert.Equal((RemittanceStore.StepDone, 1), (s.State, s.Attempts)));
    }

    [Fact]
    public async Task Drop_820NamingASopInvoicePostedInTheDesktop_MatchedThroughTheInvoiceViews()
    {
        var sage = Host.Posting().Connection!.Client;
        var order = (await sage.CreateSalesOrderAsync(SageTestHost.AmazonOrder("R820").Order with
        {
            CustomerDocumentNo = "AMZ-R820",
            Lines = [new SageSopOrderLine { LineType = SageLineType.Standard, ProductId = 135873, WarehouseId = 1214, LineQuantity = 100, SellingUnitPrice = 2.10m, TaxCodeId = 1729 }],
        }, default)).Value!;
        var line = Assert.Single(Assert.Single(await sage.GetDespatchableLinesAsync(order.DocumentNo!, default)).Items);
        await sage.ConfirmDespatchAsync(new SageConfirmDespatch
        {
            SopOrderReturnId = order.Id!.Value,
            DespatchReceiptDate = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero),
            Items = [new SageDespatchItem { Id = line.Id, Quantity = line.OutstandingQuantity }],
        }, default);
        using (var http = new HttpClient())
        using (var invoiced = await http.PostAsync(new Uri(Host.Posting().Connection!.Sandbox!.Root, "sandbox/admin/invoice-despatched"), null))
        {
            invoiced.EnsureSuccessStatusCode();
        }

        var invoice = Assert.Single(await sage.GetInvoiceCreditViewsAsync().ToListAsync());
        Assert.Equal(252.00m, invoice.SopInvoiceCreditTotalGrossValue);

        await DropAndWaitAsync(Host, 305, Remittance("PAY0007010", 252.00m, $"RMR*IV*{invoice.SopInvoiceCreditDocumentNo}**252.00*252.00"), LineageStates.Posted);

        var company = Company(Host);
        Assert.Equal(252.00m, (decimal)Assert.Single(await ReceiptsAsync(company))["document_gross_value"]!);
        Assert.Equal(0m, (decimal)Assert.Single(await InvoicesAsync(company))["document_outstanding_value"]!);
        Assert.Equal(252.00m, await ClearingBalanceAsync(company));
    }

    [Fact]
    public async Task Drop_Same820AgainUnderANewInterchange_PostsNothingNew()
    {
        await SeedInvoicesAsync(Host);
        var first = await DropAndWaitAsync(Host, 311, Ties("PAY0007002"), LineageStates.Posted);

        var second = await DropAndWaitAsync(Host, 312, Ties("PAY0007002"), LineageStates.Duplicate);

        var company = Company(Host);
        Assert.Single(await ReceiptsAsync(company));
        Assert.Equal(2, (await BankPaymentsAsync(company)).Count);
        Assert.Equal(754.50m, await ClearingBalanceAsync(company));
        Assert.Contains($"already posted from transaction set {first.Id}", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await Host.Get<LineageLog>().ChildrenAsync(second.Id, default), c => c.Kind == LineageKind.ErpPosting);
    }

    [Fact]
    public async Task Drop_820ThatDoesNotTie_FinanceEntryNamesTheDifferenceNothingPostedThenResubmitPosts()
    {
        await SeedInvoicesAsync(Host);
        var text = Remittance("PAY0007003", 940.00m, "RMR*IV*SI-9001**600.00*600.00", "RMR*IV*SI-9003**340.00*340.00");

        var set = await DropAndWaitAsync(Host, 321, text, LineageStates.Queued);

        await using (var db = await Db(Host))
        {
            var entry = await db.Exceptions.SingleAsync(e => e.Queue == "finance");
            Assert.Equal(("remittance.does-not-tie", set.Id, 940.00m), (entry.ReasonCode, entry.LineageEntryId, entry.ValueAtRisk));
            Assert.Contains("paid 940.00", entry.Message, StringComparison.Ordinal);
            Assert.Contains("matched invoices 600.00, deductions 0.00", entry.Message, StringComparison.Ordinal);
            Assert.Contains("a difference of 340.00", entry.Message, StringComparison.Ordinal);
            Assert.Contains("Not matched to an open Sage invoice or a known Amazon deduction: SI-9003", entry.Message, StringComparison.Ordinal);
            var detail = JsonNode.Parse(entry.DetailJson!)!;
            Assert.Equal(340.00m, (decimal)detail["difference"]!);
            Assert.Empty(await db.Set<RemittanceRecord>().ToListAsync());
        }

        var company = Company(Host);
        Assert.Empty(await ReceiptsAsync(company));
        Assert.Empty(await BankPaymentsAsync(company));
        Assert.Equal(0m, await ClearingBalanceAsync(company));

        // finance raises the missing invoice in Sage, then resubmits: the same 820 runs again and posts
        await InvoiceAsync(Host, "SI-9003", 283.33m, 56.67m);
        long id;
        await using (var db = await Db(Host))
        {
            id = (await db.Exceptions.SingleAsync(e => e.Queue == "finance")).Id;
        }

        var monitor = Host.Get<PipelineMonitor>();
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled h && h.LineageId == set.Id, Wait);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exceptions/{id}/resubmit");
        request.Headers.Add("X-Actor", "finance.kim");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await Host.Client.SendAsync(request);
        await handled;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LineageStates.Posted, (await Host.Get<LineageLog>().GetAsync(set.Id, default))!.State);
        Assert.Equal(940.00m, (decimal)Assert.Single(await ReceiptsAsync(company))["document_gross_value"]!);
        Assert.Equal(940.00m, await ClearingBalanceAsync(company));
    }

    [Fact]
    public async Task Resume_EveryStepWrittenToSageButNotRecorded_FoundInSageAndNothingPostedTwice()
    {
        await SeedInvoicesAsync(Host);
        await DropAndWaitAsync(Host, 325, Ties("PAY0007008"), LineageStates.Posted);
        List<string?> urns;
        await using (var db = await Db(Host))
        {
            // as if the process died after each Sage call and before its answer was recorded
            urns = await db.Set<RemittanceStep>().OrderBy(s => s.Ordinal).Select(s => s.SageUrn).ToListAsync();
            await db.Set<RemittanceStep>().ExecuteUpdateAsync(u => u.SetProperty(s => s.State, RemittanceStore.StepStarted).SetProperty(s => s.SageUrn, (string?)null));
            await db.Set<RemittanceRecord>().ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RemittanceStore.Posting));
        }

        await DropAndWaitAsync(Host, 326, Ties("PAY0007008"), LineageStates.Duplicate);

        var company = Company(Host);
        Assert.Single(await ReceiptsAsync(company));
        Assert.Equal(2, (await BankPaymentsAsync(company)).Count);
        Assert.Equal(754.50m, await ClearingBalanceAsync(company));
        await using var after = await Db(Host);
        var steps = await after.Set<RemittanceStep>().OrderBy(s => s.Ordinal).ToListAsync();
        Assert.All(steps, s => Assert.Equal((RemittanceStore.StepDone, 1), (s.State, s.Attempts)));
        Assert.Equal(urns, steps.Select(s => s.SageUrn));
        Assert.Equal(RemittanceStore.Posted, (await after.Set<RemittanceRecord>().SingleAsync()).State);
    }

    [Fact]
    public async Task Drop_SecondDeductionLockedThenReleased_RetriedAndEveryPostingExactlyOnce()
    {
        await SeedInvoicesAsync(Host);
        // The co-op's nominal (the 2nd deduction) is open in the desktop until its first try has been refused, then released;
        // a lock of fixed length could end before a slow machine reached it. The receipt commits but its answer is lost.
        Host.Faults().LockRecord("NominalCode 7900", TimeSpan.FromMinutes(5));
        Host.Faults().Set(Host.Faults().Current with { DropNextWrites = 1 });

        var posted = Host.Get<PipelineMonitor>().WaitForAsync(e => e is PipelineEvent.SetHandled h && h.State == LineageStates.Posted, Wait);
        Host.Drop("amazon-vc-test", "remit-331.edi", Interchange(331, Ties("PAY0007004")));
        await Host.EventuallyAsync(async () =>
        {
            await using var db = await Db(Host);
            return await db.Set<RemittanceStep>().AnyAsync(s => s.Ordinal == 4 && s.Attempts >= 1) ? "tried" : null;
        }, "the locked deduction's first try", seconds: 60);
        Host.Faults().LockRecord("NominalCode 7900", TimeSpan.Zero); // the user closes the record
        await posted;

        Assert.Equal(0, Host.Faults().Current.DropNextWrites); // the lost answer did happen
        var company = Company(Host);
        Assert.Single(await ReceiptsAsync(company));
        Assert.Equal(2, (await BankPaymentsAsync(company)).Count);
        Assert.Equal(754.50m, await ClearingBalanceAsync(company));
        await using var db = await Db(Host);
        var steps = await db.Set<RemittanceStep>().OrderBy(s => s.Ordinal).ToListAsync();
        Assert.All(steps, s => Assert.Equal(RemittanceStore.StepDone, s.State));
        Assert.Equal(1, steps[0].Attempts); // found in Sage after the lost answer, not sent again
        Assert.True(steps[3].Attempts >= 2, $"the locked deduction was tried {steps[3].Attempts} time(s)");
    }

    [Fact]
    public async Task Restart_StoppedWithTheSecondDeductionUnposted_ResumesAndPostsEachOnce()
    {
        using var home = new TempDirectory("edigw-remit-restart");
        GatewayHost.CopyDirectory(Path.Combine(Repository.Root, "partners"), home.Combine("partners"));
        await using (var first = await RestartableHost.StartAsync(home))
        {
            await SeedInvoicesAsync(first.Posting);
            first.Faults.LockRecord("NominalCode 7900", TimeSpan.FromMinutes(5));
            first.Drop(Interchange(341, Ties("PAY0007005")));
            await first.UntilAsync(async db => await db.Set<RemittanceStep>().AnyAsync(s => s.Ordinal == 4 && s.Attempts >= 1 && s.State == RemittanceStore.StepStarted), Wait);
        }

        await using var second = await RestartableHost.StartAsync(home);
        await second.UntilAsync(async db => await db.Lineage.AnyAsync(e => e.Kind == LineageKind.TransactionSet && e.State == LineageStates.Posted), Wait);

        var company = second.Company;
        Assert.Single(await ReceiptsAsync(company));
        Assert.Equal([35.50m, 50.00m], (await BankPaymentsAsync(company)).Select(p => (decimal)p["cheque_value"]!));
        Assert.Equal(754.50m, await ClearingBalanceAsync(company));
    }

    [Fact]
    public async Task Drop_820WithSagePostingOff_RecordedAndQueuedForFinance()
    {
        await using var off = await GatewayHost.StartWithSamplePartnersAsync();

        var set = await DropAndWaitAsync(off, 351, Ties("PAY0007006"), LineageStates.Queued);

        await using var db = await Db(off);
        var entry = await db.Exceptions.SingleAsync(e => e.Queue == "finance");
        Assert.Equal(("remittance.sage-off", set.Id, 754.50m), (entry.ReasonCode, entry.LineageEntryId, entry.ValueAtRisk));
        Assert.Contains("Amazon remittance PAY0007006 (754.50 paid 2026-12-15) was recorded but not posted: Sage posting is off", entry.Message, StringComparison.Ordinal);
        Assert.Empty(await db.Set<RemittanceRecord>().ToListAsync());
    }

    internal static string Ties(string trace) => Remittance(trace, 754.50m,
        "RMR*IV*SI-9001**600.00*600.00", "RMR*IV*SI-9002**240.00*240.00", "RMR*IV*SI-9001SC**-35.50", "RMR*IV*ABCD-12345678**-50.00");

    private static string Remittance(string trace, decimal paid, params string[] rmr)
    {
        var body = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"BPR*C*{paid:0.00}*C*ACH*CTX***********20261215"), $"TRN*1*{trace}", "DTM*097*20261215",
            "N1*PR*AMAZON.COM SERVICES", "N1*PE*ACME HOMEWARE*92*ACME1", "ENT*1",
        };
        body.AddRange(rmr);
        var sb = new StringBuilder("ST*820*0001~\n");
        foreach (var s in body)
        {
            sb.Append(s).Append("~\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"SE*{body.Count + 2}*0001~\n");
        return sb.ToString();
    }

    internal static byte[] Interchange(long control, string set)
    {
        var ctl = control.ToString("D9", CultureInfo.InvariantCulture);
        var gs = control.ToString(CultureInfo.InvariantCulture);
        return Encoding.ASCII.GetBytes(
            $"ISA*00*          *00*          *ZZ*{"AMAZON",-15}*ZZ*{"ACMEVENDOR",-15}*261215*0600*U*00401*{ctl}*0*T*>~\n" +
            $"GS*RA*AMAZON*ACMEVENDOR*20261215*0600*{gs}*X*004010~\n{set}GE*1*{gs}~\nIEA*1*{ctl}~\n");
    }

    private static async Task<LineageEntry> DropAndWaitAsync(GatewayHost host, long control, string set, string state)
    {
        var monitor = host.Get<PipelineMonitor>();
        var handled = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled h && h.State == state, Wait);
        host.Drop("amazon-vc-test", $"remit-{control}.edi", Interchange(control, set));
        await handled;
        await using var db = await Db(host);
        return await db.Lineage.AsNoTracking().Where(e => e.Kind == LineageKind.TransactionSet && e.DocumentType == "820").OrderBy(e => e.Id).LastAsync();
    }

    private static Task SeedInvoicesAsync(GatewayHost host) => SeedInvoicesAsync(host.Posting());

    private static async Task SeedInvoicesAsync(EdiGateway.Sage.SagePosting posting)
    {
        await InvoiceAsync(posting, "SI-9001", 500.00m, 100.00m);
        await InvoiceAsync(posting, "SI-9002", 200.00m, 40.00m);
    }

    private static Task InvoiceAsync(GatewayHost host, string number, decimal goods, decimal tax) => InvoiceAsync(host.Posting(), number, goods, tax);

    /// <summary>A ledger-only sales invoice on AMZBHX4 (one of the shipTo accounts), as Sage would hold an 810's invoice.</summary>
    private static async Task InvoiceAsync(EdiGateway.Sage.SagePosting posting, string number, decimal goods, decimal tax)
    {
        var written = await posting.Connection!.Client.WriteAsync<SageSalesCreditNote, SageUrn>(HttpMethod.Post, "/sales_invoices", new SageSalesCreditNote
        {
            CustomerId = 27006,
            TransactionDate = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            Reference = number,
            DocumentGoodsValue = goods,
            DocumentTaxValue = tax,
            TaxAnalysisItems = [new SageTaxAnalysisItem { Id = 1729, GoodsAmount = goods, TaxAmount = tax }],
            NominalAnalysisItems = [new SageNominalAnalysisItem { Code = "4010", Value = goods }],
        }, default);
        Assert.False(written.IsRefused);
    }

    private static string Narrative(JsonObject payment) => (string)payment["nominal_analysis_items"]![0]!["narrative"]!;

    private static SandboxCompany Company(GatewayHost host) => host.Sandbox().GetRequiredService<SandboxCompany>();

    private static Task<List<JsonObject>> ReceiptsAsync(SandboxCompany c) => c.ReadAsync(() => c.Store.All("sales_posted_transactions")
        .Where(t => (string?)t["trader_transaction_type"] == "TradingAccountEntryTypePurchasePaymentSalesReceipt").ToList(), default);

    private static Task<List<JsonObject>> InvoicesAsync(SandboxCompany c) => c.ReadAsync(() => c.Store.All("sales_posted_transactions")
        .Where(t => (string?)t["trader_transaction_type"] == "TradingAccountEntryTypeInvoice").ToList(), default);

    private static Task<List<JsonObject>> BankPaymentsAsync(SandboxCompany c) => c.ReadAsync(() => c.Store.All("bank_posted_transactions").OrderBy(t => (long)t["id"]!).ToList(), default);

    private static Task<decimal> ClearingBalanceAsync(SandboxCompany c) => c.ReadAsync(() => (decimal)c.Store.Get("banks", 1002)!["balance"]!, default);

    private static Task<GatewayDbContext> Db(GatewayHost host) => host.Get<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
}

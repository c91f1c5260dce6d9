using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using EdiGateway.Sage200.Tests.Infrastructure;
using EdiGateway.Sandbox.Sage;

namespace EdiGateway.Sage200.Tests.Client;

/// <summary>POST /bank_payment and /bank_receipt (nominal payments/receipts) and GET /bank_posted_transactions against the SANDBOX.</summary>
public sealed class SageBankPostingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 12, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly SandboxHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var violations = host.ContractViolations;
        await host.DisposeAsync();
        Assert.True(violations.Count == 0, "requests/responses outside the Sage contract:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("POST", "/bank_payment")]
    [InlineData("POST", "/bank_receipt")]
    [InlineData("GET", "/bank_posted_transactions")]
    public void Contract_CashBookOperations_ArePublished(string method, string template) =>
        Assert.True(SageContract.Default.HasOperation(method, template));

    [Fact]
    public void Contract_BankPaymentLineWithoutCode_IsRefused()
    {
        var found = SageContract.Default.CheckRequest("POST", "/bank_payment", JsonNode.Parse("""{"bank_id":1002,"nominal_analysis_items":[{"narrative":"x","gross_value":1.0,"goods_value":1.0}]}"""));

        Assert.Contains(found, v => v.Rule == "required" && v.JsonPath == "$.nominal_analysis_items[0].code");
        Assert.Equal(20, SageContract.Default.Schemas["bank_payment.nominal_analysis_items"].Properties["reference"].MaxLength);
    }

    [Fact]
    public async Task BankPaymentAndReceipt_ClearingBank_MoveTheBalanceAndPostToTheirNominals()
    {
        var c = await host.ConnectAsync();
        var sage = c.Client;
        var clearing = (await sage.GetBanksAsync().ToListAsync()).Single(b => b.Code == "1210");

        var payment = await sage.CreateBankPaymentAsync(Posting(clearing.Id, "PAY0001234", "AMZ820 D1", "4010", 25.00m, "shortage claim on SI-1 (Amazon SI-1SC)"), default);
        var receipt = await sage.CreateBankReceiptAsync(Posting(clearing.Id, "PAY0001234", "AMZ820 D2", "7900", 12.00m, "shortage reversed"), default);

        Assert.False(string.IsNullOrEmpty(payment.Value!.Urn));
        Assert.NotEqual(payment.Value.Urn, receipt.Value!.Urn);
        Assert.Equal(-13.00m, (await sage.GetBanksAsync().ToListAsync()).Single(b => b.Code == "1210").Balance);
        var found = Assert.Single(await sage.GetBankPostedTransactionsAsync(new ODataQuery
        {
            Filter = ODataFilter.And(ODataFilter.Eq("bank_id", clearing.Id), ODataFilter.Eq("reference", "PAY0001234"), ODataFilter.Eq("second_reference", "AMZ820 D1")),
        }).ToListAsync());
        Assert.Equal((SandboxCompany.BankPaymentType, 25.00m, payment.Value.Urn), (found.BankTransactionType, found.ChequeValue, found.Urn?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("4010", "shortage claim on SI-1 (Amazon SI-1SC)"), (found.NominalAnalysisItems[0].Code, found.NominalAnalysisItems[0].Narrative));
        var nominal = await host.Company.ReadAsync(() => host.Company.Store.All("nominal_postings").Select(n => ((string?)n["code"], (decimal)n["value"]!)).ToList(), default);
        Assert.Equal([("4010", 25.00m), ("7900", -12.00m)], nominal);
    }

    [Fact]
    public async Task BankPayment_UnknownNominalCode_RefusedWithSageText()
    {
        var c = await host.ConnectAsync();

        var ex = await Assert.ThrowsAsync<SageApiException>(() => c.Client.CreateBankPaymentAsync(Posting(1002, "PAY1", "AMZ820 D1", "9999", 5m, "x"), default));

        Assert.Equal(SageErrorKind.Validation, ex.Kind);
        Assert.Contains("Nominal code '9999' not found", ex.SageMessage, StringComparison.Ordinal);
        Assert.Equal(0m, (await c.Client.GetBanksAsync().ToListAsync()).Single(b => b.Code == "1210").Balance);
    }

    private static SageBankPosting Posting(long bankId, string reference, string second, string code, decimal value, string narrative) => new()
    {
        BankId = bankId,
        TransactionDate = Day,
        Reference = reference,
        SecondReference = second,
        NominalAnalysisItems = [new SageBankNominalItem { Code = code, Narrative = narrative, GrossValue = value, GoodsValue = value, TaxValue = 0m, TransactionDate = Day, Reference = reference }],
    };
}

using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class RemittanceTests
{
    private static readonly OpenInvoice[] Open =
    [
        new("SI-100234", "AMZLBA4", 9001, 280.50m),
        new("SI-100235", "AMZBHX4", 9002, 1050.00m),
        new("SI-100201", "AMZLBA4", 8001, 0m),
    ];

    private static Remittance Read(string fixture) => RemittanceReader.Read(TestData.ReadSet(fixture)).Value!;

    [Fact]
    public void Fixture_ValidatesAgainstAmazonGuide_NoErrors()
    {
        Assert.Empty(TestData.GuideErrors(File.ReadAllText(TestData.FixturePath("820-ties.edi"))));
    }

    [Fact]
    public void Read_820_BprTrnRmrAndAdxInsideTheRmrLoop()
    {
        var r = Read("820-ties.edi");

        Assert.Equal(("C", 1253.50m, "ACH", new DateOnly(2026, 12, 15), "PAY0001234"), (r.HandlingCode, r.PaidAmount, r.PaymentMethod, r.PaymentDate!.Value, r.TraceNumber));
        Assert.Equal(6, r.Items.Length);
        var second = r.Items[1];
        Assert.Equal((1000.00m, 1050.00m, 10.00m), (second.Paid, second.DocumentAmount!.Value, second.Discount!.Value));
        Assert.Equal(new RemittanceAdjustment(-40.00m, "22", "IV", "SI-100235"), Assert.Single(second.Adjustments));
        Assert.Empty(r.EntityAdjustments);
    }

    [Theory]
    [InlineData("SI-100234", DeductionKind.Invoice, "SI-100234")]
    [InlineData("SI-100201SC", DeductionKind.ShortageClaim, "SI-100201")]
    [InlineData("SI-100201SCR", DeductionKind.ShortageReversal, "SI-100201")]
    [InlineData("SI-100201SCRSC", DeductionKind.ShortageClaim, "SI-100201")]
    [InlineData("SI-100201SCRSCR", DeductionKind.ShortageReversal, "SI-100201")]
    [InlineData("INV77SC", DeductionKind.Invoice, "INV77SC")] // our own invoice number ending in SC is not mangled
    [InlineData("1234567VCBSINV", DeductionKind.Chargeback, null)]
    [InlineData("IPAPUS1234567", DeductionKind.PriceProtection, null)]
    [InlineData("ABCD-12345678", DeductionKind.CoopAgreement, null)]
    [InlineData("Q4-PROVISION FOR RECEIVABLES", DeductionKind.Provision, null)]
    [InlineData("WHATEVER", DeductionKind.Unknown, null)]
    public void Normalise_AmazonReferences_KindAndOriginalInvoice(string reference, DeductionKind kind, string? original)
    {
        var n = DeductionReferences.Normalise(reference, new HashSet<string> { "SI-100234", "INV77SC" });
        Assert.Equal((kind, original), (n.Kind, n.OriginalInvoice));
    }

    [Fact]
    public void Match_TiesToThePenny_PlanWithReceiptsAllocationsAndNominalDeductions()
    {
        var outcome = RemittanceMatcher.Match(Read("820-ties.edi"), Open, TestData.Settings);

        Assert.True(outcome.Ties, string.Join("; ", outcome.Mismatch?.Items ?? []));
        var plan = outcome.Plan!;
        Assert.Equal([("SI-100234", 9001L, 280.50m), ("SI-100235", 9002L, 1050.00m)], plan.Allocations.Select(a => (a.InvoiceNumber, a.PostedTransactionId, a.Amount)));
        Assert.Equal([("AMZLBA4", 280.50m), ("AMZBHX4", 1050.00m)], plan.Receipts.Select(r => (r.CustomerReference, r.ChequeValue)));
        Assert.All(plan.Receipts, r => Assert.Equal(("AMZCLR", "PAY0001234", new DateOnly(2026, 12, 15)), (r.BankCode, r.Reference, r.TransactionDate)));
        Assert.Equal(
            [
                (DeductionKind.Discount, 10.00m, "4050"), (DeductionKind.Chargeback, 40.00m, "4020"), (DeductionKind.ShortageClaim, 25.00m, "4010"),
                (DeductionKind.ShortageReversal, -12.00m, "4010"), (DeductionKind.Chargeback, 13.00m, "4020"), (DeductionKind.PriceProtection, 1.00m, "4030"),
            ],
            plan.Deductions.Select(d => (d.Kind, d.Amount, d.NominalCode)));
        Assert.Equal("SI-100201", plan.Deductions[2].OriginalInvoice);
        Assert.Equal(plan.Paid, plan.MatchedInvoices - plan.TotalDeductions);
    }

    [Fact]
    public void Match_DoesNotTie_ReportShowsFiguresAndUnmatchedItemsNoPlan()
    {
        var outcome = RemittanceMatcher.Match(Read("820-does-not-tie.edi"), Open, TestData.Settings);

        Assert.False(outcome.Ties);
        Assert.Null(outcome.Plan);
        var m = outcome.Mismatch!;
        Assert.Equal((1263.50m, 1330.50m, 77.00m), (m.Paid, m.MatchedInvoices, m.Deductions));
        Assert.Equal(10.00m, m.Difference);
        Assert.Contains(m.Items, i => i.Code == "Unmatched" && i.Line == "MYSTERY99");
        Assert.Contains(m.Items, i => i.Code == "Unmatched" && i.Line == "SI-999999");
        Assert.Contains(m.Items, i => i.Code == "DoesNotTie");
    }

    [Fact]
    public void Match_DeductionKindWithoutNominal_DoesNotTie()
    {
        var s = TestData.Settings with { DeductionNominals = TestData.Settings.DeductionNominals.Remove("priceProtection") };

        var outcome = RemittanceMatcher.Match(Read("820-ties.edi"), Open, s);

        Assert.Contains(outcome.Mismatch!.Items, i => i.Code == "NoNominal" && i.Line == "IPAPUS1234567");
    }

    [Fact]
    public void Match_InvoiceAlreadyPaidInSage_OverAllocatedReported()
    {
        var open = new[] { Open[0] with { Outstanding = 100m }, Open[1] };
        var outcome = RemittanceMatcher.Match(Read("820-ties.edi"), open, TestData.Settings);
        Assert.Contains(outcome.Mismatch!.Items, i => i.Code == "OverAllocated" && i.Line == "SI-100234");
    }

    [Fact]
    public void Match_AdxNotNettedSetting_ItemThatNetsIsFlagged()
    {
        var s = TestData.Settings with { AdxNettedInRmr = false };
        var outcome = RemittanceMatcher.Match(Read("820-ties.edi"), Open, s);
        Assert.Contains(outcome.Mismatch!.Items, i => i.Code == "ItemDoesNotNet" && i.Line == "SI-100235");
    }
}

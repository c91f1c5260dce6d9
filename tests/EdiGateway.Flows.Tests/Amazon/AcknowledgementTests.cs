using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class AcknowledgementTests
{
    private static readonly Dictionary<string, StockPosition> SomeStock = new()
    {
        ["MUG001"] = new StockPosition(40m, 10m), // 30 available
        ["TEA002"] = new StockPosition(100m, 70m), // 30 eaches = 2 cases of 12
    };

    private static AcknowledgementDecision Decide(string fixture, IReadOnlyDictionary<string, StockPosition> stock, AmazonSettings? s = null) =>
        AcknowledgementDecider.Decide(TestData.Resolve(fixture), stock, s ?? TestData.Settings, TestData.Clock());

    [Fact]
    public void Decide_PartialStockBackorderAllowed_AcceptsAndBackordersInCases()
    {
        var d = Decide("850-original.edi", SomeStock);

        Assert.Equal("AC", d.AckType);
        Assert.Equal([new AckStatus("IA", 24m, "EA", new DateOnly(2026, 12, 4))], d.Line("1")!.Statuses.ToArray());
        Assert.Equal([new AckStatus("IA", 2m, "CA", new DateOnly(2026, 12, 4)), new AckStatus("IB", 3m, "CA", new DateOnly(2026, 12, 16))], d.Line("2")!.Statuses.ToArray());
        Assert.Equal([new AckStatus("R2", 10m, "EA", null)], d.Line("3")!.Statuses.ToArray());
        Assert.Equal(30.00m, d.Line("2")!.UnitCost);
    }

    [Fact]
    public void Decide_NoBackorderAllowed_ReducesOrRejectsNeverBackorders()
    {
        var stock = new Dictionary<string, StockPosition> { ["TEA002"] = new(30m, 0m) };

        var d = Decide("850-no-backorder.edi", stock);

        Assert.Equal([new AckStatus("IR", 24m, "EA", null)], d.Line("1")!.Statuses.ToArray());
        Assert.Equal([new AckStatus("IQ", 2m, "CA", new DateOnly(2026, 12, 4))], d.Line("2")!.Statuses.ToArray());
        Assert.Empty(AcknowledgementRules.Check(TestData.ReadPo("850-no-backorder.edi"), d));
    }

    [Fact]
    public void Decide_FreeStockIsOnHandMinusAllocated_NotAboveIt()
    {
        var stock = new Dictionary<string, StockPosition> { ["MUG001"] = new(24m, 1m), ["TEA002"] = new(60m, 0m) };
        var d = Decide("850-original.edi", stock);
        Assert.Equal(23m, d.Line("1")!.AcceptedQuantity);
        Assert.Equal(1m, d.Line("1")!.BackorderedQuantity);
    }

    [Fact]
    public void Decide_PartialAsSingleBpSetting_OneBpStatus()
    {
        var d = Decide("850-original.edi", SomeStock, TestData.Settings with { PartialAsTwoAcks = false });
        Assert.Equal([new AckStatus("BP", 2m, "CA", new DateOnly(2026, 12, 4))], d.Line("2")!.Statuses.ToArray());
    }

    [Fact]
    public void Build_Decision_ValidatesAgainstGuideAndEchoesThe850()
    {
        var d = Decide("850-original.edi", SomeStock);

        var doc = AcknowledgementWriter.Build(TestData.ReadPo("850-original.edi"), d, TestData.Envelope, new SequentialControlNumbers(7), TestData.Clock()).Value!;

        Assert.Empty(TestData.GuideErrors(doc.Text));
        var lines = TestData.SetLines(doc.Text);
        Assert.Equal("BAK*00*AC*4Q7XK2PO*20261202", lines[1]);
        Assert.Contains("PO1*1*24*EA*9.00*PE*BP*B0EXAMPLE1*VN*ACME-MUG-01", lines);
        Assert.Contains("PO1*2*5*CA*30.00*PE*BP*B0EXAMPLE2", lines);
        Assert.Contains("ACK*IA*2*CA*068*20261204", lines);
        Assert.Contains("ACK*IB*3*CA*068*20261216", lines);
        Assert.Contains("ACK*R2*10*EA", lines);
        Assert.Contains("CTT*3", lines);
        Assert.Equal("000000007", doc.InterchangeControlNumber);
        Assert.Contains("*00401*", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EverythingInStock_AckTypeAd()
    {
        var stock = new Dictionary<string, StockPosition> { ["MUG001"] = new(100m, 0m), ["TEA002"] = new(100m, 0m) };
        var po = TestData.ReadPo("850-original.edi");
        var resolved = TestData.Resolve("850-original.edi");
        var allKnown = resolved with { Order = po with { Lines = [po.Lines[0], po.Lines[1]] }, Rejected = [] };

        var d = AcknowledgementDecider.Decide(allKnown, stock, TestData.Settings, TestData.Clock());
        var doc = AcknowledgementWriter.Build(allKnown.Order, d, TestData.Envelope, new SequentialControlNumbers(), TestData.Clock()).Value!;

        Assert.Equal("AD", d.AckType);
        Assert.Empty(TestData.GuideErrors(doc.Text));
    }

    [Fact]
    public void Build_BackorderWhenCshSaysN_RefusedWithAmz85508()
    {
        var d = Decide("850-original.edi", SomeStock);
        var po = TestData.ReadPo("850-original.edi") with { BackorderAllowed = false };

        var result = AcknowledgementWriter.Build(po, d, TestData.Envelope, new SequentialControlNumbers(), TestData.Clock());

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Problems, p => p.Code == "AMZ-855-08" && p.Line == "2");
    }

    [Fact]
    public void Check_QuantityAboveOrderedMissingLineAndCostMismatch_AllReported()
    {
        var d = Decide("850-original.edi", SomeStock);
        var bad = d with
        {
            Lines = [d.Lines[0] with { Statuses = [new AckStatus("IA", 30m, "EA", new DateOnly(2026, 12, 4))] }, d.Lines[1]],
        };

        var problems = AcknowledgementRules.Check(TestData.ReadPo("850-original.edi"), bad, new Dictionary<string, decimal> { ["2"] = 29.50m });

        Assert.Contains(problems, p => p.Code == "AMZ-855-04" && p.Line == "1");
        Assert.Contains(problems, p => p.Code == "AMZ-855-02" && p.Line == "3");
        Assert.Contains(problems, p => p.Code == "AMZ-855-06" && p.Line == "2");
    }

    [Fact]
    public void BuildChange_WithinWindow_ShortensAndValidates()
    {
        var po = TestData.ReadPo("850-original.edi");
        var first = Decide("850-original.edi", SomeStock);
        var revised = first with { Lines = [first.Lines[0] with { Statuses = [new AckStatus("IQ", 20m, "EA", new DateOnly(2026, 12, 5))] }, first.Lines[1], first.Lines[2]] };
        var clock = TestData.Clock();
        var sentAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(30));

        var doc = AcknowledgementWriter.BuildChange(po, first, revised, sentAt, TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock);

        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
        Assert.Contains("ACK*IQ*20*EA*068*20261205", TestData.SetLines(doc.Value.Text));
    }

    [Fact]
    public void BuildChange_RejectedLineAccepted_RefusedWithAmz85509()
    {
        var po = TestData.ReadPo("850-original.edi");
        var first = Decide("850-original.edi", SomeStock);
        var revised = first with { Lines = [first.Lines[0], first.Lines[1], first.Lines[2] with { Statuses = [new AckStatus("IA", 10m, "EA", new DateOnly(2026, 12, 4))] }] };
        var clock = TestData.Clock();

        var result = AcknowledgementWriter.BuildChange(po, first, revised, clock.GetUtcNow(), TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock);

        Assert.Contains(result.Problems, p => p.Code == "AMZ-855-09" && p.Line == "3");
    }

    [Fact]
    public void BuildChange_QuantityChangeAfter48Hours_RefusedWithAmz85503()
    {
        var po = TestData.ReadPo("850-original.edi");
        var first = Decide("850-original.edi", SomeStock);
        var revised = first with { Lines = [first.Lines[0] with { Statuses = [new AckStatus("IQ", 20m, "EA", new DateOnly(2026, 12, 5))] }, first.Lines[1], first.Lines[2]] };
        var clock = TestData.Clock();
        var sentAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(49));

        var result = AcknowledgementWriter.BuildChange(po, first, revised, sentAt, TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock);

        Assert.Contains(result.Problems, p => p.Code == "AMZ-855-03" && p.Line == "1");
    }
    [Fact]
    public void Build_TamperedStatusCode_GuideRejectsIt()
    {
        var doc = AcknowledgementWriter.Build(TestData.ReadPo("850-original.edi"), Decide("850-original.edi", SomeStock), TestData.Envelope,
            new SequentialControlNumbers(), TestData.Clock()).Value!;

        var errors = TestData.GuideErrors(doc.Text.Replace("ACK*IA", "ACK*ZZ", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Contains("ACK01", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EveryLineRejected_StillSentWithAllLines()
    {
        var d = Decide("850-no-backorder.edi", new Dictionary<string, StockPosition>());

        var doc = AcknowledgementWriter.Build(TestData.ReadPo("850-no-backorder.edi"), d, TestData.Envelope, new SequentialControlNumbers(), TestData.Clock());

        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.All(d.Lines, l => Assert.True(l.IsRejected));
        Assert.Equal(3, TestData.SetLines(doc.Value!.Text).Count(l => l.StartsWith("ACK*", StringComparison.Ordinal)));
        Assert.Empty(TestData.GuideErrors(doc.Value.Text));
    }
}

using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Tests.Amazon;

public class ShipNoticeTests
{
    private const string Po = "4Q7XK2PO";

    private static readonly Dictionary<string, StockPosition> SomeStock = new()
    {
        ["MUG001"] = new StockPosition(40m, 10m),
        ["TEA002"] = new StockPosition(100m, 70m), // 2 cases now, 3 backordered
    };

    private static string NewSscc(long serial) => Sscc.Create(0, "0501234", serial, out _)!;

    private static ShipmentOrder Order()
    {
        var resolved = TestData.Resolve("850-original.edi");
        return new ShipmentOrder(resolved, AcknowledgementDecider.Decide(resolved, SomeStock, TestData.Settings, TestData.Clock()));
    }

    private static Despatch Loose(decimal teaEaches = 24m) => new()
    {
        ShipmentId = "SHP-0001",
        ShippedAt = new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero),
        EstimatedDelivery = new DateOnly(2026, 12, 9),
        CarrierScac = "UPSN",
        CarrierPro = "PRO12345",
        BillOfLading = "ACME1193939393",
        ShipFrom = new ShipFrom("Acme Warehouse", "2 Dock Road", "Leeds", null, "LS2 2BB", "GB"),
        ShipToFc = "LBA4",
        GrossWeight = 31.5m,
        Cartons =
        [
            new Carton(NewSscc(1), [new CartonItem(Po, "1", 24m)]),
            new Carton(NewSscc(2), [new CartonItem(Po, "2", teaEaches)]),
        ],
    };

    private static FlowResult<OutboundDocument> Build(Despatch d, TimeProvider? clock = null) =>
        ShipNoticeBuilder.Build(d, [Order()], TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock ?? TestData.Clock());

    [Fact]
    public void Build_LooseCartons_SopiHierarchyValidAgainstGuide()
    {
        var doc = Build(Loose());

        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
        var lines = TestData.SetLines(doc.Value.Text);
        Assert.Equal(["HL*1**S", "HL*2*1*O", "HL*3*2*P", "HL*4*3*I", "HL*5*2*P", "HL*6*5*I"], lines.Where(l => l.StartsWith("HL*", StringComparison.Ordinal)));
        Assert.Contains("PRF*4Q7XK2PO", lines);
        Assert.Contains("MAN*GM*00" + NewSscc(1), lines);
        Assert.Contains("LIN**BP*B0EXAMPLE1*VN*ACME-MUG-01", lines);
        Assert.Contains("SN1**24*EA", lines);
        Assert.Contains("SN1**2*CA", lines); // 24 eaches = 2 cases of 12: the PO's basis
        Assert.Contains("REF*BM*ACME1193939393", lines);
        Assert.Contains("DTM*011*20261202*0830", lines);
        Assert.Contains("DTM*017*20261209", lines);
        Assert.Contains("TD5**2*UPSN", lines);
        Assert.Contains("CTT*6", lines);
        Assert.Contains("*00501*", doc.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CartonsOnPallet_SotpiWithPalletSscc()
    {
        var d = Loose() with
        {
            Pallets = [new Pallet("P1", NewSscc(100))],
            Cartons = [.. Loose().Cartons.Select(c => c with { PalletId = "P1" })],
        };

        var doc = Build(d);

        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Equal("SOTPI", ShipNoticeBuilder.Pattern(d));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
        var hl = TestData.SetLines(doc.Value.Text).Where(l => l.StartsWith("HL*", StringComparison.Ordinal));
        Assert.Equal(["HL*1**S", "HL*2*1*O", "HL*3*2*T", "HL*4*3*P", "HL*5*4*I", "HL*6*3*P", "HL*7*6*I"], hl);
        Assert.Contains("MAN*GM*00" + NewSscc(100), TestData.SetLines(doc.Value.Text));
    }

    [Fact]
    public void Build_OverShipping_RefusedNeverSent()
    {
        var d = Loose() with { Cartons = [.. Loose().Cartons, new Carton(NewSscc(3), [new CartonItem(Po, "2", 48m)])] }; // 6 CA > 5 acknowledged

        var result = Build(d);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Problems, p => p.Code == "OverShipment" && p.Line == Po + "/2");
    }

    [Fact]
    public void Build_RejectedLineOrPartCase_Refused()
    {
        var d = Loose(teaEaches: 18m) with { Cartons = [.. Loose(18m).Cartons, new Carton(NewSscc(4), [new CartonItem(Po, "3", 1m)])] };

        var codes = Build(d).Problems.Select(p => p.Code).ToList();

        Assert.Contains("AMZ-855-13", codes); // 18 eaches is 1.5 cases
        Assert.Contains("NotAcknowledged", codes); // line 3 was rejected R2
    }

    [Fact]
    public void Check_BadSsccDuplicateAndFutureShipDate_Reported()
    {
        var bad = NewSscc(1)[..17] + ((NewSscc(1)[17] - '0' + 1) % 10);
        var d = Loose() with
        {
            ShippedAt = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero),
            Cartons = [new Carton(bad, [new CartonItem(Po, "1", 12m)]), new Carton(NewSscc(2), [new CartonItem(Po, "1", 6m)]), new Carton(NewSscc(2), [new CartonItem(Po, "1", 6m)])],
        };

        var problems = ShipNoticeRules.Check(d, [Order()], TestData.Settings, TestData.Clock());

        Assert.Contains(problems, p => p.Code == "AMZ-856-03" && p.Message.Contains("check digit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-03" && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-02");
    }

    [Theory]
    [InlineData("ACME1193939393", false, true)]
    [InlineData("ACME1234", false, true)] // 8 characters: vendor code + digits
    [InlineData("1193939393", false, false)] // no vendor-code prefix
    [InlineData("ACME120261201", false, false)] // vendor code + a date
    [InlineData("ACME19", false, false)] // too short
    [InlineData("BOL-1234567", true, false)] // not letters/digits
    [InlineData("123", true, true)] // the physical BOL's own number
    public void BolProblem_AmazonRules_AsExpected(string bol, bool physical, bool ok)
    {
        var problem = ShipNoticeRules.BolProblem(bol, physical, TestData.Settings);
        Assert.Equal(ok, problem is null);
    }

    [Fact]
    public void Check_MixedPoCartonLooseCartonOnPalletisedShipmentAndOtherFc_Reported()
    {
        var d = Loose() with
        {
            ShipToFc = "BHX4",
            Pallets = [new Pallet("P1")],
            Cartons = [new Carton(NewSscc(1), [new CartonItem(Po, "1", 12m), new CartonItem("OTHERPO1", "1", 1m)], "P1"), new Carton(NewSscc(2), [new CartonItem(Po, "1", 6m)])],
        };

        var problems = ShipNoticeRules.Check(d, [Order()], TestData.Settings, TestData.Clock());

        Assert.Contains(problems, p => p.Code == "AMZ-856-11" && p.Message.Contains("more than one PO", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-11" && p.Message.Contains("on no pallet", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-07");
        Assert.Contains(problems, p => p.Code == "UnknownPo");
    }

    [Fact]
    public void Check_PreviouslyShipped_CountsTowardsTheLimit()
    {
        var order = Order() with { PreviouslyShipped = new Dictionary<string, decimal> { ["1"] = 20m } };
        var problems = ShipNoticeRules.Check(Loose(), [order], TestData.Settings, TestData.Clock());
        Assert.Contains(problems, p => p.Code == "OverShipment" && p.Line == Po + "/1");
    }
    [Fact]
    public void Build_CollectPoWithoutArn_RefusedWithAmz85606()
    {
        var order = Order();
        var collect = order with { Order = order.Order with { Order = order.Order.Order with { PaymentMethod = "CC" } } };

        var result = ShipNoticeBuilder.Build(Loose(), [collect], TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), TestData.Clock());

        Assert.Contains(result.Problems, p => p.Code == "AMZ-856-06");
    }

    [Fact]
    public void Build_CollectPoWithArnAndQualifier_SendsTheArn()
    {
        var order = Order();
        var collect = order with { Order = order.Order with { Order = order.Order.Order with { PaymentMethod = "CC" } } };
        var settings = TestData.Settings with { ArnReferenceQualifier = "AO" };

        var result = ShipNoticeBuilder.Build(Loose() with { AmazonReferenceNumber = "1234567890" }, [collect], settings, TestData.Envelope,
            new SequentialControlNumbers(), TestData.Clock());

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.Contains("REF*AO*1234567890", TestData.SetLines(result.Value!.Text));
        Assert.Empty(TestData.GuideErrors(result.Value.Text));
    }
    [Fact]
    public void BuildReplacement_FewerUnitsWithinSevenDays_Bsn05()
    {
        var original = Loose();
        var replacement = original with { Cartons = [original.Cartons[0] with { Items = [new CartonItem(Po, "1", 20m)] }, original.Cartons[1]] };
        var clock = TestData.Clock();
        var sentAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(2));

        var result = ShipNoticeBuilder.BuildReplacement(original, sentAt, replacement, [Order()], TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock);

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.StartsWith("BSN*05*SHP-0001*", TestData.SetLines(result.Value!.Text)[1], StringComparison.Ordinal);
        Assert.Contains("SN1**20*EA", TestData.SetLines(result.Value.Text));
        Assert.Empty(TestData.GuideErrors(result.Value.Text));
    }

    [Fact]
    public void BuildReplacement_MoreUnitsCartonsOrLate_RefusedWithAmz85609()
    {
        var original = Loose() with { Cartons = [Loose().Cartons[0] with { Items = [new CartonItem(Po, "1", 12m)] }] };
        var replacement = Loose();
        var clock = TestData.Clock();
        var sentAt = clock.GetUtcNow().AddDays(-8);

        var problems = ShipNoticeBuilder.BuildReplacement(original, sentAt, replacement, [Order()], TestData.Settings, TestData.Envelope, new SequentialControlNumbers(), clock).Problems;

        Assert.Contains(problems, p => p.Code == "AMZ-856-09" && p.Message.Contains("7 days", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-09" && p.Message.Contains("add cartons", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "AMZ-856-09" && p.Line == Po + "/1");
    }
}

using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Warehouse;

namespace EdiGateway.Flows.Tests.Warehouse;

public class AmazonShortShipmentTests
{
    private static readonly Dictionary<string, StockPosition> Stock = new()
    {
        ["MUG001"] = new StockPosition(40m, 10m),
        ["TEA002"] = new StockPosition(100m, 70m), // 2 cases now, 3 backordered
    };

    private static (ResolvedOrder Order, AcknowledgementDecision Ack) Sent()
    {
        var order = TestData.Resolve("850-original.edi");
        return (order, AcknowledgementDecider.Decide(order, Stock, TestData.Settings, TestData.Clock()));
    }

    private static AmazonShipmentUpdate Update(bool backordered) => new("4Q7XK2PO",
        [new("1", 24m, 24m, 0m, false, null), new("2", 24m, 12m, 12m, backordered, "short shipped (W1201 CP)")], [], []);

    [Fact]
    public void Revise_ShortLine_ShippedAcceptedShortfallRejectedAndChange855PassesAmazonRules()
    {
        var (order, ack) = Sent();

        var revised = AmazonShortShipment.Revise(Update(false), ack, order, new DateOnly(2026, 12, 2));

        var tea = revised.Line("2")!;
        Assert.Equal([("IQ", 1m), ("IB", 3m), ("IR", 1m)], tea.Statuses.Select(s => (s.Code, s.Quantity)));
        Assert.Equal(ack.Line("1"), revised.Line("1"));
        Assert.Empty(AcknowledgementRules.CheckChange(order.Order, ack, revised, TestData.Clock().GetUtcNow(), TestData.Settings, TestData.Clock()));
        var doc = AcknowledgementWriter.BuildChange(order.Order, ack, revised, TestData.Clock().GetUtcNow(), TestData.Settings, TestData.Envelope,
            new SequentialControlNumbers(), TestData.Clock());
        Assert.True(doc.IsSuccess, string.Join("; ", doc.Problems));
        Assert.Empty(TestData.GuideErrors(doc.Value!.Text));
    }

    [Fact]
    public void Revise_ShortLineBackorderedAtThe3pl_ShortfallJoinsTheBackorder()
    {
        var (order, ack) = Sent();

        var tea = AmazonShortShipment.Revise(Update(true), ack, order, new DateOnly(2026, 12, 2)).Line("2")!;

        Assert.Equal([("IQ", 1m), ("IB", 4m)], tea.Statuses.Select(s => (s.Code, s.Quantity)));
    }
}

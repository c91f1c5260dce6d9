using System.Text.Json;
using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class SalesOrderDraftTests
{
    [Fact]
    public void Build_ResolvedOrder_SageFieldsInEaches()
    {
        var draft = SalesOrderDraftBuilder.Build(TestData.Resolve("850-original.edi"), TestData.Settings).Value!;

        Assert.Equal("AMZ-4Q7XK2PO", draft.CustomerDocumentNo);
        Assert.Equal("AMZLBA4", draft.CustomerReference);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero), draft.RequestedDeliveryDate);
        Assert.Equal(2, draft.Lines.Length); // line 3 is rejected, not ordered
        Assert.Equal(("TEA002", 60m, 2.50m, "2"), (draft.Lines[1].ProductCode, draft.Lines[1].LineQuantity, draft.Lines[1].SellingUnitPrice, draft.Lines[1].LineReference));
        Assert.Equal(366.00m, draft.TotalNet);
    }

    [Fact]
    public void Build_Serialised_UsesSageFieldNames()
    {
        var draft = SalesOrderDraftBuilder.Build(TestData.Resolve("850-original.edi"), TestData.Settings).Value!;

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(draft));
        var root = json.RootElement;
        Assert.Equal("AMZ-4Q7XK2PO", root.GetProperty("customer_document_no").GetString());
        Assert.Equal("DN11 0BG", root.GetProperty("delivery_address").GetProperty("postcode").GetString());
        Assert.Equal(24m, root.GetProperty("lines")[0].GetProperty("line_quantity").GetDecimal());
        Assert.False(root.TryGetProperty("CustomerReference", out _));
    }

    [Fact]
    public void Build_PrefixMakesNumberTooLong_Fails()
    {
        var s = TestData.Settings with { OrderNumberPrefix = "AMAZON-VENDOR-CENTRAL-UK-" };
        var result = SalesOrderDraftBuilder.Build(TestData.Resolve("850-original.edi"), s);
        Assert.Equal("DocumentNumberTooLong", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Build_AcceptedEachesFromThe855_OverridesQuantity()
    {
        var draft = SalesOrderDraftBuilder.Build(TestData.Resolve("850-original.edi"), TestData.Settings,
            new Dictionary<string, decimal> { ["1"] = 12m, ["2"] = 0m }).Value!;
        Assert.Equal(12m, Assert.Single(draft.Lines).LineQuantity);
    }
}

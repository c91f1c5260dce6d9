using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;

namespace EdiGateway.Sage200.Tests.Contract;

public class SageContractTests
{
    [Theory]
    [InlineData("sop_order", "customer_document_no", 30)]
    [InlineData("sop_order", "document_no", 20)]
    [InlineData("customer", "reference", 8)]
    [InlineData("customer.main_address", "postcode", 10)]
    [InlineData("sop_order.delivery_address", "address_1", 60)]
    [InlineData("product", "code", 30)]
    [InlineData("sop_order_line", "despatch_note_comment", 160)]
    [InlineData("sales_receipt", "reference", 20)]
    [InlineData("pending_sop_despatch_receipt", "consignment_no", 60)]
    public void Default_PublishedLimits_AreInTheContract(string schema, string field, int max) =>
        Assert.Equal(max, SageContract.Default.Schemas[schema].Properties[field].MaxLength);

    [Theory]
    [InlineData("GET", "/sop_order_return_views")]
    [InlineData("POST", "/sop_orders")]
    [InlineData("PUT", "/sop_orders/{Id}")]
    [InlineData("POST", "/sop_confirm_despatch")]
    [InlineData("POST", "/sales_receipts")]
    [InlineData("POST", "/sales_allocations")]
    [InlineData("GET", "/warehouse_holdings")]
    public void HasOperation_PathsTheConnectorUses_AreKnown(string method, string template) =>
        Assert.True(SageContract.Default.HasOperation(method, template));

    [Fact]
    public void ToTemplate_NumericSegment_BecomesIdPlaceholder() =>
        Assert.Equal("/sop_orders/{Id}", SageContract.ToTemplate("/sop_orders/4711"));

    [Fact]
    public void CheckRequest_ReadOnlyUnknownAndTooLong_AreAllReported()
    {
        var body = JsonNode.Parse("""{"customer_id":1,"total_gross_value":5,"no_such_field":1,"customer_document_no":"0123456789012345678901234567890","lines":[{"line_type":"EnumLineTypeStandard","product_id":1}]}""");

        var found = SageContract.Default.CheckRequest("POST", "/sop_orders", body);

        Assert.Contains(found, v => v.Rule == "read-only" && v.JsonPath == "$.total_gross_value");
        Assert.Contains(found, v => v.Rule == "unknown-field" && v.JsonPath == "$.no_such_field");
        Assert.Contains(found, v => v.Rule == "max-length" && v.JsonPath == "$.customer_document_no");
        Assert.Contains(found, v => v.Rule == "required" && v.JsonPath == "$.lines[0].warehouse_id");
    }

    [Fact]
    public void CheckRequest_BareDate_IsRefusedAsDateTime()
    {
        var found = SageContract.Default.CheckRequest("POST", "/sales_receipts", JsonNode.Parse("""{"customer_id":1,"bank_id":2,"cheque_value":1.5,"transaction_date":"2025-03-20"}"""));

        Assert.Contains(found, v => v.Rule == "date-time");
    }

    [Fact]
    public void CheckResponse_ObjectWhereArrayPublished_IsReported() =>
        Assert.Contains(SageContract.Default.CheckResponse("GET", "/customers", JsonNode.Parse("""{"value":[]}""")), v => v.Rule == "type");
}

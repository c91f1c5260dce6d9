using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Validation;

namespace EdiGateway.Sage200.Tests.Validation;

public class SageFieldRulesTests
{
    [Fact]
    public void Prepare_LongAddressLine_OverflowsIntoNextLineWithWarning()
    {
        var body = JsonNode.Parse("""{"customer_id":1,"delivery_address":{"address_1":"Unit 14 The Very Long Named Industrial Estate Off The Old Coventry Road Bypass"}}""");

        var prepared = SageFieldRules.Prepare(SageContract.Default, "POST", "/sop_orders", body);

        Assert.False(prepared.IsRefused);
        var warning = Assert.Single(prepared.Warnings);
        Assert.Equal(SageFieldRules.AddressOverflow, warning.Rule);
        Assert.True(body!["delivery_address"]!["address_1"]!.GetValue<string>().Length <= 60);
        Assert.Equal("Bypass", body["delivery_address"]!["address_2"]!.GetValue<string>().Split(' ')[^1]);
    }

    [Fact]
    public void Prepare_LongDespatchComment_IsTruncatedWithWarning()
    {
        var body = JsonNode.Parse("{\"customer_id\":1,\"lines\":[{\"line_type\":\"EnumLineTypeComment\",\"description\":\"x\",\"despatch_note_comment\":\"" + new string('c', 200) + "\"}]}");

        var prepared = SageFieldRules.Prepare(SageContract.Default, "POST", "/sop_orders", body);

        Assert.Equal(160, body!["lines"]![0]!["despatch_note_comment"]!.GetValue<string>().Length);
        Assert.Equal(SageFieldRules.TruncateText, Assert.Single(prepared.Warnings).Rule);
    }

    [Fact]
    public void Prepare_PostcodeWithExtraSpaces_IsCollapsed()
    {
        var body = JsonNode.Parse("""{"customer_id":1,"delivery_address":{"postcode":"  CV1    1AA  "}}""");

        var prepared = SageFieldRules.Prepare(SageContract.Default, "POST", "/sop_orders", body);

        Assert.Equal("CV1 1AA", body!["delivery_address"]!["postcode"]!.GetValue<string>());
        Assert.Equal(SageFieldRules.CollapseWhitespace, Assert.Single(prepared.Warnings).Rule);
    }

    [Theory]
    [InlineData("/sop_orders", """{"customer_id":1,"customer_document_no":"AMZ-0123456789012345678901234567"}""", "$.customer_document_no")]
    [InlineData("/customers", """{"name":"A","reference":"ACCOUNT123"}""", "$.reference")]
    [InlineData("/sales_receipts", """{"customer_id":1,"bank_id":1,"cheque_value":1,"reference":"PSP-PAYOUT-0123456789"}""", "$.reference")]
    public void Prepare_IdentifierTooLong_IsRefusedNotTrimmed(string path, string json, string field)
    {
        var prepared = SageFieldRules.Prepare(SageContract.Default, "POST", path, JsonNode.Parse(json));

        Assert.True(prepared.IsRefused);
        Assert.Equal(field, Assert.Single(prepared.Refusals).JsonPath);
    }
}

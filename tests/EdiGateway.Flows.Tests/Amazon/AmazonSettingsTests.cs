using EdiGateway.Flows.Amazon;

namespace EdiGateway.Flows.Tests.Amazon;

public class AmazonSettingsTests
{
    [Fact]
    public void FromProfile_TestPartnerSettings_ReadWithDefaults()
    {
        var s = AmazonSettings.FromProfile(
            new Dictionary<string, string> { ["vendorCode"] = "ACME1", ["channelPrefix"] = "AMZ", ["priceTolerancePercent"] = "2.5", ["orderingUnit"] = "case" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["deductionNominals"] = new Dictionary<string, string> { ["shortage"] = "4010" } }).Value!;

        Assert.Equal(("ACME1", "AMZ-", 2.5m), (s.VendorCode, s.OrderNumberPrefix, s.PriceTolerancePercent));
        Assert.Equal(CasePriceBasis.PerCase, s.CasePriceBasis);
        Assert.Equal(["BP", "VN", "UP", "EN", "UK", "UA", "IB"], s.ItemQualifierPriority.ToArray());
        Assert.Equal("asin", s.ItemColumns["BP"]);
        Assert.Equal("4010", s.DeductionNominals["shortage"]);
    }

    [Fact]
    public void FromProfile_OverridesPriorityBasisAndColumns_Applied()
    {
        var s = AmazonSettings.FromProfile(new Dictionary<string, string>
        {
            ["vendorCode"] = "V1", ["itemQualifierPriority"] = "VN, BP", ["casePriceBasis"] = "perEach", ["itemColumn.VN"] = "sku",
            ["leadTimeDays"] = "5", ["partialAsTwoAcks"] = "false", ["orderNumberPrefix"] = "AVC/",
        }).Value!;

        Assert.Equal(["VN", "BP"], s.ItemQualifierPriority.ToArray());
        Assert.Equal(CasePriceBasis.PerEach, s.CasePriceBasis);
        Assert.Equal("sku", s.ItemColumns["VN"]);
        Assert.Equal((5, false, "AVC/"), (s.LeadTimeDays, s.PartialAsTwoAcks, s.OrderNumberPrefix));
    }

    [Fact]
    public void FromProfile_BadValuesAndMissingVendorCode_ProblemsNamingTheKey()
    {
        var result = AmazonSettings.FromProfile(new Dictionary<string, string>
        {
            ["priceTolerancePercent"] = "two", ["casePriceBasis"] = "perPallet", ["leadTimeDays"] = "-1", ["remitTo.name"] = "Acme",
        });

        Assert.False(result.IsSuccess);
        var text = string.Join("\n", result.Problems);
        Assert.Contains("priceTolerancePercent", text, StringComparison.Ordinal);
        Assert.Contains("casePriceBasis", text, StringComparison.Ordinal);
        Assert.Contains("leadTimeDays", text, StringComparison.Ordinal);
        Assert.Contains("remitTo", text, StringComparison.Ordinal);
        Assert.Contains("vendorCode", text, StringComparison.Ordinal);
    }
}

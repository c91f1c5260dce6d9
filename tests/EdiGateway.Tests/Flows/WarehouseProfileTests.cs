using EdiGateway.Flows.Warehouse;
using EdiGateway.Partners;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Flows;

public sealed class WarehouseProfileTests
{
    [Fact]
    public void For_SampleThreePlProfile_MirrorsTheSandboxWarehouseAndProducts()
    {
        var snapshot = PartnerCatalog.LoadAll(Path.Combine(Repository.Root, "partners"), Path.Combine(Repository.Root, "edi-specs", "guides"));
        var partner = snapshot.Partners["acme-3pl-test"];

        var data = WarehouseProfiles.For(partner);

        Assert.True(data.IsSuccess, WarehouseProfiles.Describe(data.Problems));
        Assert.Equal(("3PL-LEEDS", "CA", 5m), (data.Value!.Settings.SageWarehouse, data.Value.Settings.WarehouseUnit, data.Value.Settings.DriftThresholdUnits));
        Assert.Equal(snapshot.Partners["amazon-vc-test"].Settings["sageWarehouse"], data.Value.Settings.SageWarehouse);
        Assert.Equal(["ACL-MUG350", "ACL-TEA080", "ACL-GIFT01", "ACL-TOWELL"],
            new[] { "MUG-BLU-350", "TEA-EBR-080", "GIFT-SET-01", "TOWEL-GRY-L" }.Select(c => data.Value.Items.BySageCode(c)!.WarehouseSku).ToArray());
        Assert.Equal("creation", WarehouseProfiles.ReleaseOn(partner));
        Assert.True(WarehouseProfiles.Runs(partner, "warehouse-945"));
        Assert.Same(data, WarehouseProfiles.For(partner)); // built once per loaded profile
    }

    [Theory]
    [InlineData("PO line 3 / ASIN B0EXAMPLE3 / 5 CA", "3")]
    [InlineData("PO line 00010 / x", "00010")]
    [InlineData("Gift message", null)]
    [InlineData(null, null)]
    public void PoLine_DespatchNoteComment_GivesTheAmazonLineNumber(string? comment, string? expected) =>
        Assert.Equal(expected, WarehouseFulfilment.PoLine(comment));
}

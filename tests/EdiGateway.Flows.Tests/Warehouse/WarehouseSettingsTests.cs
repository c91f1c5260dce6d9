using EdiGateway.Flows.Warehouse;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class WarehouseSettingsTests
{
    [Fact]
    public void FromProfile_AcmeProfile_ReadsSettingsAndMaps()
    {
        var s = Settings();

        Assert.Equal(("3PL", SsccSource.Man, 5m), (s.SageWarehouse, s.SsccSource, s.DriftThresholdUnits));
        Assert.Equal("DAMAGED", s.AdjustmentReasons["01"]);
        Assert.Equal(AdjustmentDirection.Decrease, s.AdjustmentDirections["01"]);
        Assert.Equal(InventoryQuantityKind.OnHand, s.InventoryQuantities["17"]);
    }

    [Fact]
    public void FromProfile_BadValues_ProblemsNameTheKeys()
    {
        var settings = ProfileSettings();
        settings.Remove("sageWarehouse");
        settings["ssccSource"] = "EDI";
        settings["stockDriftThresholdUnits"] = "-1";
        var maps = ProfileCodeMaps();
        maps["adjustmentDirections"] = new Dictionary<string, string> { ["01"] = "sideways" };

        var r = WarehouseSettings.FromProfile(settings, maps);

        Assert.False(r.IsSuccess);
        var text = Describe(r.Problems);
        Assert.Contains("sageWarehouse", text, StringComparison.Ordinal);
        Assert.Contains("settings.ssccSource 'EDI'", text, StringComparison.Ordinal);
        Assert.Contains("stockDriftThresholdUnits", text, StringComparison.Ordinal);
        Assert.Contains("adjustmentDirections.01", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Items_BadRowsNamed()
    {
        var rows = new List<IReadOnlyDictionary<string, string>>
        {
            new Dictionary<string, string> { ["warehouseSku"] = "A1", ["sageProductCode"] = "A1", ["unitsPerCase"] = "x" },
            new Dictionary<string, string> { ["warehouseSku"] = "", ["sageProductCode"] = "B1" },
        };

        var r = WarehouseItems.Load(rows);

        Assert.Equal(["items row 2", "items row 3"], r.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Find_ByUpcOrSku_SameItem()
    {
        Assert.Equal("TEA002", Items.Find("012345678912", [])!.SageProductCode);
        Assert.Equal("PAN003", Items.Find(null, [("EN", "5012345678900")])!.SageProductCode);
        Assert.Equal("MUG001", Items.Find(null, [("SK", "mug001")])!.SageProductCode);
        Assert.Null(Items.Find(null, [("VN", "KETTLE9")]));
    }
}

using EdiGateway.Flows.Warehouse;
using static EdiGateway.Flows.Tests.Warehouse.WarehouseTestData;

namespace EdiGateway.Flows.Tests.Warehouse;

public class StockParityTests
{
    // 846: MUG001 105 on hand, TEA002 10 CA = 120, PAN003 44, KETTLE9 7 (unknown SKU)
    private static readonly SageStockHolding[] Sage =
    [
        new("MUG001", "3PL", 100m, 30m), // drift +5: exactly at the threshold
        new("TEA002", "3PL", 126m, 0m), // drift -6: above
        new("PAN003", "3PL", 44m, 4m), // in step
        new("BOWL004", "3PL", 3m, 0m), // not in the 846: drift -3
        new("MUG001", "MAIN", 500m, 0m), // another warehouse: not compared
    ];

    private static StockParityReport Report(WarehouseSettings? s = null)
    {
        var r = StockParityReconciler.Reconcile(ReadSet("846-snapshot.edi"), Sage, Items, s ?? Settings());
        Assert.True(r.IsSuccess, Describe(r.Problems));
        return r.Value!;
    }

    [Fact]
    public void Fixture_ValidAgainstGuide() => Assert.Empty(FixtureGuideErrors("846-snapshot.edi"));

    [Fact]
    public void Reconcile_Snapshot_LinesWithDriftAllocationsAndAsOf()
    {
        var report = Report();

        Assert.Equal(("INV-20261202", new DateOnly(2026, 12, 1), new TimeOnly(23, 59)), (report.Reference, report.AsOf, report.AsOfTime));
        var mug = report.Lines.Single(l => l.ProductCode == "MUG001");
        Assert.Equal((105m, 90m, 100m, 30m, 70m, 5m, 5m), (mug.ThreePlQuantity, mug.ThreePlAvailable, mug.SageInStock, mug.SageAllocated, mug.SageFree, mug.Drift, mug.DriftPercent));
        Assert.Equal(120m, report.Lines.Single(l => l.ProductCode == "TEA002").ThreePlQuantity);
        Assert.Equal(ParityStatus.InStep, report.Lines.Single(l => l.ProductCode == "PAN003").Status);
        Assert.DoesNotContain(report.Lines, l => l.Warehouse == "MAIN");
        Assert.Equal(5m + 6m + 0m + 3m, report.AbsoluteDrift);
    }

    [Fact]
    public void Reconcile_DriftExactlyAtThreshold_NoException() =>
        Assert.Equal(ParityStatus.WithinThreshold, Report().Lines.Single(l => l.ProductCode == "MUG001").Status);

    [Fact]
    public void Reconcile_DriftAboveThreshold_Exception()
    {
        var report = Report();

        Assert.Equal(ParityStatus.Exception, report.Lines.Single(l => l.ProductCode == "TEA002").Status);
        var e = report.Exceptions.Single(x => x.Kind == ParityExceptionKind.Drift);
        Assert.Equal(("TEA002", "3PL", -6m, new DateOnly(2026, 12, 1)), (e.ProductCode, e.Warehouse, e.Drift, e.AsOf));
    }

    [Fact]
    public void Reconcile_SageStockMissingFrom846_CountedAsZeroAtThe3pl()
    {
        var bowl = Report().Lines.Single(l => l.ProductCode == "BOWL004");

        Assert.False(bowl.Reported);
        Assert.Equal((-3m, ParityStatus.WithinThreshold), (bowl.Drift, bowl.Status));
    }

    [Fact]
    public void Reconcile_UnknownSku_ExceptionAndWarningNamingIt()
    {
        var report = Report();

        var e = report.Exceptions.Single(x => x.Kind == ParityExceptionKind.UnknownSku);
        Assert.Equal(("VN KETTLE9", 7m, null), (e.WarehouseSku, e.ThreePlQuantity, e.ProductCode));
        Assert.Contains(report.Warnings, w => w.Code == "UnknownSku" && w.Message.Contains("KETTLE9", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, null, 5, 100, ParityStatus.WithinThreshold)] // at the units threshold
    [InlineData(5, null, 6, 100, ParityStatus.Exception)]
    [InlineData(null, 5, 5, 100, ParityStatus.WithinThreshold)] // at 5 %
    [InlineData(null, 5, -6, 100, ParityStatus.Exception)]
    [InlineData(5, 10, 8, 100, ParityStatus.WithinThreshold)] // above the units, not the percent
    [InlineData(5, 10, 11, 100, ParityStatus.Exception)]
    [InlineData(null, 5, 1, 0, ParityStatus.Exception)] // Sage has none: any drift is above a percent
    [InlineData(null, null, 1, 100, ParityStatus.Exception)] // no threshold: any drift
    [InlineData(5, null, 0, 100, ParityStatus.InStep)]
    public void Status_Thresholds(int? units, int? percent, int drift, int inStock, ParityStatus expected)
    {
        var s = Settings() with { DriftThresholdUnits = units, DriftThresholdPercent = percent };

        Assert.Equal(expected, StockParityReconciler.Status(drift, inStock, s));
    }

    [Fact]
    public void Reconcile_AvailableAsParityQuantity_ComparesAvailable()
    {
        var mug = Report(Settings(s => s["parityQuantity"] = "available")).Lines.Single(l => l.ProductCode == "MUG001");

        Assert.Equal((90m, -10m, ParityStatus.Exception), (mug.ThreePlQuantity, mug.Drift, mug.Status));
    }

    [Fact]
    public void Reconcile_NotAn846_Fails() => Assert.False(StockParityReconciler.Reconcile(ReadSet("947-adjust.edi"), Sage, Items, Settings()).IsSuccess);

    [Fact]
    public void Reconcile_UnmappedQuantityCode_WarningAndIgnored()
    {
        Assert.Empty(FixtureGuideErrors("846-unmapped-qty.edi"));

        var report = StockParityReconciler.Reconcile(ReadSet("846-unmapped-qty.edi"), Sage, Items, Settings()).Value!;

        Assert.Contains(report.Warnings, w => w.Code == "UnmappedQuantity" && w.Message.Contains("'87'", StringComparison.Ordinal));
        Assert.Equal(105m, report.Lines.Single(l => l.ProductCode == "MUG001").ThreePlQuantity);
    }
}

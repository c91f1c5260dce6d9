using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Validation.Rules;

namespace EdiGateway.Edi.Tests.Validation.Rules;

public class BuiltInRulesTests
{
    private static readonly string[] NeedProfile =
        ["3pl.846.qtyMapping", "3pl.944.matchesAdvice", "3pl.945.matchesOrder", "3pl.945.ssccCarriage", "3pl.947.adjustmentUnique"];

    private static X12FileReport Validate3pl(string fixture) =>
        new X12Processor(TestData.Real.Library, new X12ValidationOptions { GuideId = "generic-3pl" }).Validate(new MemoryStream(TestData.Fixture(fixture)));

    public static TheoryData<string, string, string, string, X12Severity> Cases() => new()
    {
        { "3pl.940.requestedDates", "rule_3pl_940_valid.edi", "rule_3pl_940_no_requested_date.edi", "RequestedDateMissing", X12Severity.Error },
        { "3pl.940.shipToPresent", "rule_3pl_940_valid.edi", "rule_3pl_940_no_ship_to.edi", "ShipToMissing", X12Severity.Error },
        { "3pl.940.shipToPresent", "rule_3pl_940_valid.edi", "rule_3pl_940_ship_to_incomplete.edi", "ShipToIncomplete", X12Severity.Error },
        { "3pl.940.lineNumbersUnique", "rule_3pl_940_valid.edi", "rule_3pl_940_line_numbers.edi", "LineNumberDuplicate", X12Severity.Error },
        { "3pl.940.lineNumbersUnique", "rule_3pl_940_valid.edi", "rule_3pl_940_line_order.edi", "LineNumberOrder", X12Severity.Error },
        { "3pl.944.totalsReconcile", "rule_3pl_944_valid.edi", "rule_3pl_944_totals_differ.edi", "TotalsDiffer", X12Severity.Warning },
        { "3pl.945.totalsReconcile", "rule_3pl_945_valid.edi", "rule_3pl_945_totals_differ.edi", "TotalsDiffer", X12Severity.Warning },
        { "3pl.945.carrierPresent", "rule_3pl_945_valid.edi", "rule_3pl_945_no_carrier.edi", "CarrierMissing", X12Severity.Error },
        { "3pl.945.uomDefaultsToOrder", "rule_3pl_945_valid.edi", "rule_3pl_945_no_uom.edi", "UomFromOrder", X12Severity.Warning },
        { "3pl.945.shippedNotAboveOrdered", "rule_3pl_945_valid.edi", "rule_3pl_945_shipped_above_ordered.edi", "ShippedAboveOrdered", X12Severity.Error },
        { "3pl.945.differenceConsistent", "rule_3pl_945_valid.edi", "rule_3pl_945_difference.edi", "DifferenceInconsistent", X12Severity.Error },
        { "3pl.947.warehousePresent", "rule_3pl_947_valid.edi", "rule_3pl_947_no_warehouse.edi", "WarehouseFromProfile", X12Severity.Warning },
        { "3pl.947.signByReason", "rule_3pl_947_valid.edi", "rule_3pl_947_negative_quantity.edi", "QuantityNotPositive", X12Severity.Error },
        { "3pl.846.oneSnapshotPerWarehouse", "rule_3pl_846_valid.edi", "rule_3pl_846_no_warehouse.edi", "WarehouseFromProfile", X12Severity.Warning },
        { "3pl.846.oneSnapshotPerWarehouse", "rule_3pl_846_valid.edi", "rule_3pl_846_two_warehouses.edi", "MultipleWarehouses", X12Severity.Error },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_ValidAndInvalidFixture_ReportsOnlyTheInvalid(string rule, string valid, string invalid, string code, X12Severity severity)
    {
        Assert.NotNull(X12RuleRegistry.Default.Find(rule));
        var ok = Validate3pl(valid).AllErrors;
        Assert.DoesNotContain(ok, e => e.Code == code);
        Assert.DoesNotContain(ok, e => e.Code == "NamedRuleMissing" && e.Message.Contains($"'{rule}'", StringComparison.Ordinal));
        var bad = Validate3pl(invalid);
        var e = Assert.Single(bad.AllErrors, x => x.Code == code);
        Assert.Equal(severity, e.Severity);
        Assert.Equal("I12", e.Ack.ElementCode999 ?? "I12");
        if (severity == X12Severity.Warning) Assert.Equal(Validate3pl(valid).IsValid, bad.IsValid);
        else Assert.False(bad.IsValid);
    }

    [Fact]
    public void ValidFixtures_UnderThe3plGuide_HaveNoRuleFindings()
    {
        var codes = Cases().Select(c => (string)c[3]).ToHashSet(StringComparer.Ordinal);
        foreach (var f in TestData.FixtureNames("rule_3pl_").Where(f => f.EndsWith("_valid.edi", StringComparison.Ordinal)))
            Assert.DoesNotContain(Validate3pl(f).AllErrors, e => codes.Contains(e.Code));
    }

    [Fact]
    public void Default_EveryNamedRuleInTheGuides_IsBuiltInOrListedAsProfileBound()
    {
        var registry = new X12ValidationOptions().Rules;
        var named = TestData.Real.Library.Guides.Values.SelectMany(g => g.Overlays).SelectMany(o => o.Rules).OfType<NamedRule>().Select(r => r.Name).ToList();
        Assert.NotEmpty(named);
        foreach (var name in named)
            Assert.True(registry.Find(name) is not null ^ NeedProfile.Contains(name), name);
        Assert.Equal(BuiltInRules.All.Count, registry.Names.Count);
    }

    [Fact]
    public void Default_EachCall_ReturnsAnIndependentRegistry()
    {
        var a = X12RuleRegistry.Default;
        a.Register(new Extra());
        Assert.Null(X12RuleRegistry.Default.Find("test.extra"));
        Assert.NotNull(new X12RuleRegistry().WithBuiltInRules().Find("3pl.945.carrierPresent"));
    }

    private sealed class Extra : IX12NamedRule
    {
        public string Name => "test.extra";

        public void Check(X12RuleContext context) { }
    }
}

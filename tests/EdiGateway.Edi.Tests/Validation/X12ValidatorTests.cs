using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Tests.Validation;

public class X12ValidatorTests
{
    public static TheoryData<string> ValidFixtures() => [.. TestData.FixtureNames("valid_")];

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Validate_ValidFixture_HasNoErrors(string fixture)
    {
        var report = TestData.Validate(fixture);
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.AllErrors));
        Assert.Empty(report.AllErrors);
        Assert.Equal(1, report.SetCount);
    }

    [Fact]
    public void Validate_ValidFixtures_CoverEverySupportedSet()
    {
        var sets = TestData.FixtureNames("valid_").Select(n => n.Split('_')[1]).ToHashSet();
        Assert.Superset(new HashSet<string> { "850", "855", "856", "810", "997", "820", "846", "940", "945" }, sets);
        Assert.Subset(sets, new HashSet<string> { "850", "855", "856", "810", "997", "820", "846", "940", "945" });
    }

    [Theory]
    [InlineData("invalid_seg_unrecognized.edi", "UnrecognizedSegment", "ZZZ", 5, "1", "1")]
    [InlineData("invalid_seg_not_in_set.edi", "SegmentNotInSet", "BSN", 5, "6", "6")]
    [InlineData("invalid_seg_mandatory_missing.edi", "MandatorySegmentMissing", "BEG", 2, "3", "3")]
    [InlineData("invalid_seg_max_use.edi", "SegmentExceedsMaximumUse", "BEG", 3, "5", "5")]
    [InlineData("invalid_seg_out_of_order.edi", "SegmentOutOfOrder", "BEG", 3, "7", "7")]
    [InlineData("fixture_123_loop_max.edi", "LoopExceedsMaximum", "LPX", 4, "4", "4")]
    [InlineData("fixture_123_not_used.edi", "SegmentNotUsed", "LPY", 4, "2", "I4")]
    public void Validate_SegmentError_MapsToAk3AndIk3Codes(string fixture, string code, string segment, int position, string ak304, string ik304)
    {
        var e = TestData.Validate(fixture).AllErrors.First(x => x.Code == code);
        Assert.Equal(X12ErrorLevel.Segment, e.Level);
        Assert.Equal(segment, e.Position.SegmentId);
        Assert.Equal(position, e.Position.SegmentInSet);
        Assert.Equal(ak304, e.Ack.SegmentCode997);
        Assert.Equal(ik304, e.Ack.SegmentCode999);
        Assert.Equal("5", e.Ack.SetCode);
        Assert.Contains(segment, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid_el_mandatory_missing.edi", "MandatoryElementMissing", "BEG", 3, null, "1", "1")]
    [InlineData("invalid_el_conditional.edi", "ConditionalElementMissing", "PO1", 9, null, "2", "2")]
    [InlineData("invalid_el_too_short.edi", "ElementTooShort", "N1", 4, null, "4", "4")]
    [InlineData("invalid_el_too_long.edi", "ElementTooLong", "BEG", 3, null, "5", "5")]
    [InlineData("invalid_el_invalid_char.edi", "InvalidNumber", "PO1", 2, null, "6", "6")]
    [InlineData("invalid_el_code_not_in_guide.edi", "CodeNotUsed", "PO1", 3, null, "7", "I6")]
    [InlineData("invalid_el_date.edi", "InvalidDate", "DTM", 2, null, "8", "8")]
    [InlineData("invalid_el_time.edi", "InvalidTime", "BSN", 4, null, "9", "9")]
    [InlineData("invalid_el_too_many.edi", "TooManyElements", "CTT", 8, null, "3", "3")]
    [InlineData("invalid_el_repetition_clash.edi", "RepetitionNotAllowed", "REF", 2, null, "12", "12")]
    [InlineData("fixture_123_exclusion.edi", "ExclusionViolated", "AAA", 4, null, "10", "10")]
    [InlineData("fixture_123_too_many_components.edi", "TooManyComponents", "BBB", 1, 3, "13", "13")]
    [InlineData("fixture_123_component_missing.edi", "MandatoryElementMissing", "BBB", 1, 1, "1", "1")]
    [InlineData("fixture_123_too_many_repetitions.edi", "TooManyRepetitions", "BBB", 4, null, "12", "12")]
    [InlineData("fixture_123_guide_code.edi", "CodeNotUsed", "AAA", 2, null, "7", "I6")]
    public void Validate_ElementError_MapsToAk4AndIk4Codes(string fixture, string code, string segment, int element, int? component, string ak403, string ik403)
    {
        var e = TestData.Validate(fixture).AllErrors.First(x => x.Code == code);
        Assert.Equal(X12ErrorLevel.Element, e.Level);
        Assert.Equal(segment, e.Position.SegmentId);
        Assert.Equal(element, e.Position.ElementPosition);
        Assert.Equal(component, e.Position.ComponentPosition);
        Assert.Equal(ak403, e.Ack.ElementCode997);
        Assert.Equal(ik403, e.Ack.ElementCode999);
        Assert.Equal("8", e.Ack.SegmentCode997);
        Assert.NotNull(e.Position.SegmentInSet);
        Assert.NotNull(e.Position.SegmentInFile);
    }

    [Theory]
    [InlineData("invalid_rule_ctt_count.edi", "CountMismatch", "CTT", 1)]
    [InlineData("invalid_rule_hash_total.edi", "HashTotalMismatch", "CTT", 2)]
    [InlineData("invalid_rule_tds_sum.edi", "SumMismatch", "TDS", 1)]
    [InlineData("invalid_rule_sscc.edi", "CheckDigit", "MAN", 2)]
    [InlineData("invalid_rule_gtin.edi", "CheckDigit", "PO1", 7)]
    [InlineData("invalid_rule_qualifier.edi", "QualifierNotAllowed", "PO1", 6)]
    [InlineData("invalid_rule_bol.edi", "PatternMismatch", "REF", 2)]
    [InlineData("invalid_rule_hl_pattern.edi", "HlPattern", "HL", 3)]
    [InlineData("invalid_hl_parent_missing.edi", "HlParentMissing", "HL", 2)]
    [InlineData("invalid_hl_sequence.edi", "HlSequence", "HL", 1)]
    [InlineData("invalid_hl_level_parent.edi", "HlLevelParent", "HL", 3)]
    public void Validate_GuideRuleBroken_ReportsElementWithImplementationCode(string fixture, string code, string segment, int element)
    {
        var report = TestData.Validate(fixture);
        var e = report.AllErrors.First(x => x.Code == code);
        Assert.Equal(segment, e.Position.SegmentId);
        Assert.Equal(element, e.Position.ElementPosition);
        Assert.Equal("I12", e.Ack.ElementCode999);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Validate_CodeNotInGuide_MessageNamesSegmentElementValueAndList()
    {
        var e = TestData.Validate("invalid_el_code_not_in_guide.edi").AllErrors.Single();
        Assert.Equal("PO1 line 2 (segment 10), element PO103 unit or basis for measurement code 'CS' is not in Amazon's list (EA, CA)", e.Message);
        Assert.Equal("CS", e.BadData);
        Assert.Equal("355", e.Position.ElementReference);
        Assert.Equal("PO1", e.Position.LoopId);
    }

    [Fact]
    public void Validate_SsccCheckDigit_MessageGivesExpectedDigit()
    {
        var e = TestData.Validate("invalid_rule_sscc.edi").AllErrors.Single();
        Assert.Contains("expected 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(18, e.Position.SegmentInSet);
    }

    [Fact]
    public void Validate_NamedRule_UsesRegisteredImplementation()
    {
        var options = new X12ValidationOptions { GuideId = "test-guide", Rules = new X12RuleRegistry().Register(new FirstElementNotX()) };
        var report = TestData.Validate("fixture_123_named_rule.edi", options);
        var e = Assert.Single(report.AllErrors);
        Assert.Equal("NotX", e.Code);
        Assert.Equal("AAA", e.Position.SegmentId);
    }

    [Fact]
    public void Validate_NamedRuleNotRegistered_WarnsOnly()
    {
        var report = TestData.Validate("fixture_123_named_rule.edi");
        var e = Assert.Single(report.AllErrors);
        Assert.Equal(("NamedRuleMissing", X12Severity.Warning), (e.Code, e.Severity));
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Validate_FixtureSetValid_CompositeRepetitionAndImpliedDecimalAccepted()
    {
        var options = new X12ValidationOptions { GuideId = "test-guide", Rules = new X12RuleRegistry().Register(new FirstElementNotX()) };
        Assert.Empty(TestData.Validate("fixture_123_valid.edi", options).AllErrors);
        var e = Assert.Single(TestData.Validate("fixture_123_implied_decimal.edi", options).AllErrors);
        Assert.Equal("InvalidNumber", e.Code);
    }

    [Fact]
    public void Validate_UnknownVersion_RejectsGroupAndSet()
    {
        var text = TestData.FixtureText("valid_850_4010.edi").Replace("*X*004010~", "*X*003040~", StringComparison.Ordinal);
        var report = TestData.ValidateBytes(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Contains(report.AllErrors, e => e.Code == "GroupVersionNotSupported" && e.Ack.GroupCode == "2");
        Assert.Contains(report.AllErrors, e => e.Code == "SetNotSupported" && e.Ack.SetCode == "1");
    }

    [Fact]
    public void Validate_WithoutGuide_AmazonRestrictionsDoNotApply()
    {
        var report = TestData.Validate("invalid_el_code_not_in_guide.edi", new X12ValidationOptions());
        Assert.True(report.IsValid, string.Join("\n", report.AllErrors));
    }

    [Theory]
    [InlineData("050123450000000015", "SSCC18", true)]
    [InlineData("00050123450000000015", "SSCC18", true)]
    [InlineData("050123450000000016", "SSCC18", false)]
    [InlineData("036000291452", "GTIN12", true)]
    [InlineData("4006381333931", "GTIN13", true)]
    [InlineData("4006381333932", "GTIN", false)]
    public void Gs1Check_KnownNumbers_PassOrFail(string value, string scheme, bool valid) =>
        Assert.Equal(valid, Gs1.Check(value, scheme) is null);

    private sealed class FirstElementNotX : IX12NamedRule
    {
        public string Name => "test.firstElementNotX";

        public void Check(X12RuleContext context)
        {
            for (var i = 0; i < context.Set.SegmentCount; i++)
                if (context.Set[i].Id == "AAA" && context.Set[i].GetElementString(1) == "X")
                    context.ReportElement(i, 1, "NotX", "AAA01 must not be X");
        }
    }
}

using System.Text;
using EdiGateway.Edi.Acks;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Tests.Acks;

public class X12AckBuilderTests
{
    private static string AckText(X12FileReport report)
    {
        var builder = new X12AckBuilder(FixedClock.Default, new SequentialControlNumbers(900000001, 9001, 90001));
        return string.Concat(builder.Build(report).Select(i => X12Writer.ToText(i)));
    }

    public static TheoryData<string> ApprovedFixtures() =>
    [
        "valid_850_4010.edi", "valid_856_5010_sotpi.edi", "invalid_env_ta1_requested.edi", "invalid_env_iea_control.edi",
        "invalid_env_ge_count.edi", "invalid_env_se_count.edi", "invalid_seg_out_of_order.edi", "invalid_el_code_not_in_guide.edi",
        "invalid_el_conditional.edi", "invalid_rule_sscc.edi", "invalid_el_repetition_clash.edi", "invalid_rule_tds_sum.edi",
    ];

    [Theory]
    [MemberData(nameof(ApprovedFixtures))]
    public void Build_Fixture_MatchesApprovedFile(string fixture)
    {
        var actual = AckText(TestData.Validate(fixture));
        var approved = Path.Combine(TestData.ProjectDir, "Approved", Path.ChangeExtension(fixture, ".approved.edi"));
        var received = Path.ChangeExtension(approved, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".edi";
        if (!File.Exists(approved) || File.ReadAllText(approved) != actual)
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"Ack for {fixture} differs from {approved}; see {received}");
        }
        if (File.Exists(received)) File.Delete(received);
    }

    [Fact]
    public void Build_AcceptedGroup_AcknowledgesEverySetWithCounts()
    {
        var ack = X12DocumentReader.Parse(AckText(TestData.Validate("valid_850_4010.edi"))).Document.Interchanges.Single();
        var set = ack.Groups.Single().Sets.Single();
        Assert.Equal("997", set.SetId);
        var ids = set.Segments.Select(s => s.Id).ToList();
        Assert.Equal(["ST", "AK1", "AK2", "AK5", "AK9", "SE"], ids);
        Assert.Equal("A*1*1*1", string.Join("*", set.Segments[4].Elements.Select(e => e.Value)));
        Assert.Empty(ack.Ta1);
    }

    [Fact]
    public void Build_SwapsSenderAndReceiver()
    {
        var ack = X12DocumentReader.Parse(AckText(TestData.Validate("valid_850_4010.edi"))).Document.Interchanges.Single();
        Assert.Equal("VENDOR1        ", ack.Isa[6]);
        Assert.Equal("AMAZON         ", ack.Isa[8]);
        Assert.Equal("VENDOR1", ack.Groups[0].Gs[2]);
        Assert.Equal("AMAZON", ack.Groups[0].Gs[3]);
        Assert.Equal("FA", ack.Groups[0].Gs[1]);
    }

    [Fact]
    public void Build_5010Group_Gets999WithImplementationReference()
    {
        var ack = X12DocumentReader.Parse(AckText(TestData.Validate("valid_856_5010_sotpi.edi"))).Document.Interchanges.Single();
        var st = ack.Groups.Single().Sets.Single().Segments[0];
        Assert.Equal(("999", "005010X231A1"), (st[1], st[3]));
        Assert.Equal("005010X231A1", ack.Groups[0].Gs[8]);
    }

    [Fact]
    public void Build_RejectedInterchange_SendsOnlyTa1()
    {
        var ack = X12DocumentReader.Parse(AckText(TestData.Validate("invalid_env_iea_control.edi"))).Document.Interchanges.Single();
        var ta1 = Assert.Single(ack.Ta1);
        Assert.Equal(("000000101", "R", "001"), (ta1[1], ta1[4], ta1[5]));
        Assert.Empty(ack.Groups);
    }

    [Fact]
    public void Build_Ta1Requested_SendsAcceptedTa1AndFunctionalAck()
    {
        var ack = X12DocumentReader.Parse(AckText(TestData.Validate("invalid_env_ta1_requested.edi"))).Document.Interchanges.Single();
        Assert.Equal(("A", "000"), (ack.Ta1.Single()[4], ack.Ta1.Single()[5]));
        Assert.Single(ack.Groups);
    }

    [Fact]
    public void Build_PartiallyAcceptedGroup_ReportsP()
    {
        var good = TestData.FixtureText("valid_850_4010.edi");
        var bad = TestData.FixtureText("invalid_el_code_not_in_guide.edi");
        var body = bad[bad.IndexOf("ST*850", StringComparison.Ordinal)..bad.IndexOf("GE*", StringComparison.Ordinal)].Replace("0001", "0002", StringComparison.Ordinal);
        var merged = good.Replace("GE*1*101~", body + "GE*2*101~", StringComparison.Ordinal);
        var ack = X12DocumentReader.Parse(AckText(TestData.ValidateBytes(Encoding.UTF8.GetBytes(merged)))).Document.Interchanges.Single();
        var ak9 = ack.Groups[0].Sets[0].Segments.Single(s => s.Id == "AK9");
        Assert.Equal("P*2*2*1", string.Join("*", ak9.Elements.Select(e => e.Value)));
    }
}

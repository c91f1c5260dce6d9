using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Tests.TestSupport;

namespace EdiGateway.Edi.Tests.Reading;

public class X12ReaderTests
{
    private static List<X12ReadItem> Read(byte[] data, X12ReaderOptions? o = null) => X12Reader.Read(data, o).ToList();

    private static List<X12Error> AllErrors(IEnumerable<X12ReadItem> items) => items.SelectMany(i => i switch
    {
        X12InterchangeStarted s => s.Errors,
        X12GroupStarted g => g.Errors,
        X12SetRead r => r.Set.EnvelopeErrors,
        X12GroupEnded ge => ge.Errors,
        X12InterchangeEnded ie => ie.Errors,
        X12StrayData sd => [sd.Error],
        _ => [],
    }).ToList();

    [Fact]
    public void Read_ValidFile_YieldsEnvelopeAndSetInOrder()
    {
        var items = Read(TestData.Fixture("valid_850_4010.edi"));
        Assert.Collection(items,
            i => Assert.IsType<X12InterchangeStarted>(i),
            i => Assert.IsType<X12GroupStarted>(i),
            i => Assert.Equal("850", Assert.IsType<X12SetRead>(i).Set.SetId),
            i => Assert.Equal(1, Assert.IsType<X12GroupEnded>(i).DeclaredSets),
            i => Assert.Equal(1, Assert.IsType<X12InterchangeEnded>(i).DeclaredGroups));
        Assert.Empty(AllErrors(items));
    }

    [Fact]
    public void Read_Isa_ExposesDelimitersAndDuplicateDetectionFields()
    {
        var isa = Read(TestData.Fixture("valid_856_5010_sotpi.edi")).OfType<X12InterchangeStarted>().Single().Header;
        Assert.Equal((byte)'*', isa.Delimiters.Element);
        Assert.Equal((byte)':', isa.Delimiters.Component);
        Assert.Equal((byte)'~', isa.Delimiters.Segment);
        Assert.Equal((byte)'^', isa.Delimiters.Repetition);
        Assert.Equal(("ZZ", "VENDOR1", "ZZ", "AMAZON", "000000201", "P"),
            (isa.SenderQualifier, isa.SenderId, isa.ReceiverQualifier, isa.ReceiverId, isa.ControlNumber, isa.UsageIndicator));
        Assert.Equal("ZZ:VENDOR1|ZZ:AMAZON|000000201", isa.DuplicateKey);
    }

    [Fact]
    public void Read_Version00401_HasNoRepetitionSeparator()
    {
        var isa = Read(TestData.Fixture("valid_850_4010.edi")).OfType<X12InterchangeStarted>().Single().Header;
        Assert.False(isa.Delimiters.HasRepetition);
    }

    [Theory]
    [InlineData("~\n", "~\r\n")]
    [InlineData("~\n", "~")]
    [InlineData("~\n", "~\r")]
    [InlineData("~\n", "~\n\n")]
    public void Read_LineBreakVariants_ReadTheSameSegments(string from, string to)
    {
        var text = TestData.FixtureText("valid_850_4010.edi").Replace(from, to, StringComparison.Ordinal);
        var items = Read(Encoding.UTF8.GetBytes(text));
        Assert.Empty(AllErrors(items));
        var set = items.OfType<X12SetRead>().Single().Set;
        Assert.Equal(12, set.SegmentCount);
        Assert.Equal("CTT*2*34", set[10].ToString());
    }

    [Fact]
    public void Read_LineFeedAsTerminator_Works()
    {
        var text = TestData.FixtureText("valid_850_4010.edi").Replace("~\n", "\n", StringComparison.Ordinal);
        var items = Read(Encoding.UTF8.GetBytes(text));
        Assert.Empty(AllErrors(items));
        Assert.Equal((byte)'\n', items.OfType<X12InterchangeStarted>().Single().Header.Delimiters.Segment);
        Assert.Equal(12, items.OfType<X12SetRead>().Single().Set.SegmentCount);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var data = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(TestData.Fixture("valid_850_4010.edi")).ToArray();
        var items = Read(data);
        Assert.Empty(AllErrors(items));
        Assert.Single(items.OfType<X12SetRead>());
    }

    [Theory]
    [InlineData("invalid_env_iea_control.edi", "InterchangeControlNumberMismatch", X12ErrorLevel.Interchange, "001")]
    [InlineData("invalid_env_iea_count.edi", "InterchangeGroupCountMismatch", X12ErrorLevel.Interchange, "021")]
    [InlineData("invalid_env_iea_missing.edi", "MissingInterchangeTrailer", X12ErrorLevel.Interchange, "023")]
    [InlineData("invalid_env_isa_field_length.edi", "IsaFieldLength", X12ErrorLevel.Interchange, "006")]
    [InlineData("invalid_env_isa_terminator.edi", "InvalidSegmentTerminator", X12ErrorLevel.Interchange, "004")]
    [InlineData("invalid_env_stray_data.edi", "DataOutsideInterchange", X12ErrorLevel.Interchange, "022")]
    public void Read_InterchangeEnvelopeErrors_CarryTa1Codes(string fixture, string code, X12ErrorLevel level, string ta1)
    {
        var e = AllErrors(Read(TestData.Fixture(fixture))).Single(x => x.Code == code);
        Assert.Equal(level, e.Level);
        Assert.Equal(ta1, e.Ack.Ta1NoteCode);
        Assert.Equal(fixture.Contains("stray", StringComparison.Ordinal) ? 0 : 1, e.Position.InterchangeIndex);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData("invalid_env_ge_count.edi", "GroupSetCountMismatch", "5")]
    [InlineData("invalid_env_ge_control.edi", "GroupControlNumberMismatch", "4")]
    [InlineData("invalid_env_ge_missing.edi", "MissingGroupTrailer", "3")]
    public void Read_GroupEnvelopeErrors_CarryAk905Codes(string fixture, string code, string ak905)
    {
        var e = AllErrors(Read(TestData.Fixture(fixture))).Single(x => x.Code == code);
        Assert.Equal(X12ErrorLevel.Group, e.Level);
        Assert.Equal(ak905, e.Ack.GroupCode);
        Assert.Equal("101", e.Position.GroupControlNumber);
    }

    [Theory]
    [InlineData("invalid_env_se_count.edi", "SegmentCountMismatch", "4")]
    [InlineData("invalid_env_se_control.edi", "SetControlNumberMismatch", "3")]
    [InlineData("invalid_env_se_missing.edi", "MissingSetTrailer", "2")]
    public void Read_SetEnvelopeErrors_CarryAk5Codes(string fixture, string code, string ak5)
    {
        var e = AllErrors(Read(TestData.Fixture(fixture))).Single(x => x.Code == code);
        Assert.Equal(X12ErrorLevel.TransactionSet, e.Level);
        Assert.Equal(ak5, e.Ack.SetCode);
        Assert.Equal("0001", e.Position.SetControlNumber);
        Assert.Equal("850", e.Position.SetId);
    }

    [Fact]
    public void Read_BrokenInterchangeThenGoodOne_RecoversAtNextIsa()
    {
        var bad = TestData.FixtureText("invalid_env_se_missing.edi").Replace("IEA*1*000000101~\n", "", StringComparison.Ordinal);
        var good = TestData.FixtureText("valid_855_4010.edi");
        var items = Read(Encoding.UTF8.GetBytes(bad + good));
        var sets = items.OfType<X12SetRead>().Select(s => s.Set).ToList();
        Assert.Equal(["850", "855"], sets.Select(s => s.SetId));
        Assert.Empty(sets[1].EnvelopeErrors);
        Assert.Equal(2, items.OfType<X12InterchangeEnded>().Count());
        Assert.Contains(AllErrors(items), e => e.Code == "MissingInterchangeTrailer" && e.Position.InterchangeIndex == 1);
        Assert.DoesNotContain(AllErrors(items), e => e.Position.InterchangeIndex == 2);
    }

    [Fact]
    public void Read_SmallBuffer_SameResultAsDefault()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(TestData.FixtureText("valid_856_5010_sotpi.edi"), 50)));
        var small = Read(data, new X12ReaderOptions { BufferSize = 16 });
        var normal = Read(data);
        Assert.Equal(50, small.OfType<X12SetRead>().Count());
        Assert.Equal(normal.OfType<X12SetRead>().Select(s => s.Set[5].ToString()), small.OfType<X12SetRead>().Select(s => s.Set[5].ToString()));
        Assert.Empty(AllErrors(small));
    }

    [Fact]
    public void Read_Progress_ReportsBytesConsumed()
    {
        var data = TestData.Fixture("valid_850_4010.edi");
        var seen = new List<long>();
        _ = Read(data, new X12ReaderOptions { Progress = seen.Add, ProgressIntervalBytes = 100 });
        Assert.NotEmpty(seen);
        Assert.Equal(data.Length, seen[^1]);
    }

    [Fact]
    public void Read_IndentedSegments_ErrorOnceUnlessAllowed()
    {
        var text = TestData.FixtureText("valid_850_4010.edi").Replace("\n", "\n  ", StringComparison.Ordinal);
        var strict = AllErrors(Read(Encoding.UTF8.GetBytes(text)));
        Assert.Single(strict, e => e.Code == "IndentedSegment");
        var lenient = AllErrors(Read(Encoding.UTF8.GetBytes(text), new X12ReaderOptions { AllowIndentation = true }));
        Assert.Empty(lenient);
    }

    [Fact]
    public void Read_SegmentPositions_CountWithinSetAndFile()
    {
        var set = Read(TestData.Fixture("valid_850_4010.edi")).OfType<X12SetRead>().Single().Set;
        Assert.Equal(3, set.FirstSegmentInFile);
        var pos = set.Position(8);
        Assert.Equal(9, pos.SegmentInSet);
        Assert.Equal(11, pos.SegmentInFile);
        Assert.Equal("PO1", pos.SegmentId);
    }
}

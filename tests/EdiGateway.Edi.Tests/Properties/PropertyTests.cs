using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdiGateway.Edi.Acks;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Tests.TestSupport;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Tests.Properties;

public class PropertyTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.";

    private static string Word(Random r, int min, int max)
    {
        var n = r.Next(min, max + 1);
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = Alphabet[r.Next(Alphabet.Length - 3)];
        return new string(chars);
    }

    /// <summary>A random but valid Amazon 850 (1 to 12 lines) in a random delimiter set and version.</summary>
    private static X12Interchange Generate(Random r)
    {
        var lines = r.Next(1, 13);
        var body = new List<X12Segment>
        {
            X12Segment.Of("BEG", "00", new[] { "NE", "CN", "NP", "RO" }[r.Next(4)], Word(r, 4, 8), null, "20261201"),
            X12Segment.Of("REF", "CR", Word(r, 1, 10)),
            X12Segment.Of("CSH", r.Next(2) == 0 ? "Y" : "N"),
            X12Segment.Of("DTM", "064", "20261210"),
            X12Segment.Of("N1", "ST", null, "92", Word(r, 2, 10)),
        };
        var total = 0m;
        for (var i = 1; i <= lines; i++)
        {
            var qty = r.Next(1, 500);
            total += qty;
            var cost = (r.Next(1, 100000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            body.Add(X12Segment.Of("PO1", i.ToString(CultureInfo.InvariantCulture), qty.ToString(CultureInfo.InvariantCulture),
                r.Next(2) == 0 ? "EA" : "CA", cost, "PE", "BP", Word(r, 10, 10), "VN", Word(r, 3, 12)));
        }
        body.Add(X12Segment.Of("CTT", lines.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture)));
        var delims = new[] { X12Delimiters.Default, new X12Delimiters((byte)'|', (byte)':', (byte)'\n', (byte)'^'), new X12Delimiters((byte)'*', (byte)'>', (byte)'~', (byte)'{') }[r.Next(3)];
        var options = new X12EnvelopeOptions
        {
            SenderId = "AMAZON", ReceiverId = Word(r, 3, 15).Trim() is { Length: > 0 } w ? w : "V", InterchangeVersion = r.Next(2) == 0 ? "00401" : "00501",
            Delimiters = delims,
        };
        return X12Envelope.Build(options, new SequentialControlNumbers(r.Next(1, 999999), r.Next(1, 99999), r.Next(1, 99999)),
            FixedClock.Default, [new X12GroupContent("PO", "004010", [new X12SetContent("850", body)])]);
    }

    [Fact]
    public void GeneratedValidDocuments_SurviveWriteThenRead_Unchanged()
    {
        var r = new Random(20261202);
        var processor = new X12Processor(TestData.Real.Library, new X12ValidationOptions { GuideId = TestData.Amazon });
        for (var n = 0; n < 300; n++)
        {
            var interchange = Generate(r);
            var text = X12Writer.ToText(interchange);
            var read = X12DocumentReader.Parse(text);
            Assert.Empty(read.Errors);
            var again = Assert.Single(read.Document.Interchanges);
            Assert.Equal(text, X12Writer.ToText(again));
            Assert.Equal(X12Json.Serialize(new X12Document([interchange])), X12Json.Serialize(read.Document));
            var report = processor.Validate(new MemoryStream(Encoding.UTF8.GetBytes(text)));
            Assert.True(report.IsValid, text + "\n" + string.Join("\n", report.AllErrors));
        }
    }

    [Fact]
    public void RandomByteMutations_NeverThrowNorHang()
    {
        var r = new Random(4242);
        var seeds = TestData.FixtureNames("valid_").Select(TestData.Fixture).ToArray();
        var processor = new X12Processor(TestData.Real.Library, new X12ValidationOptions { GuideId = TestData.Amazon });
        var acks = new X12AckBuilder(FixedClock.Default, new SequentialControlNumbers());
        byte[] interesting = "*~>^:|\r\n ISAGSSTSEGEIEA0123456789"u8.ToArray();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < 2000; n++)
        {
            var data = (byte[])seeds[r.Next(seeds.Length)].Clone();
            var edits = r.Next(1, 6);
            for (var k = 0; k < edits; k++)
            {
                var at = r.Next(data.Length);
                switch (r.Next(4))
                {
                    case 0: data[at] = (byte)r.Next(256); break;
                    case 1: data[at] = interesting[r.Next(interesting.Length)]; break;
                    case 2: data = [.. data[..at], .. data[Math.Min(data.Length, at + r.Next(1, 20))..]]; break;
                    default: data = [.. data[..at], interesting[r.Next(interesting.Length)], .. data[at..]]; break;
                }
                if (data.Length == 0) data = [(byte)'I'];
            }
            var report = processor.Validate(new MemoryStream(data));
            _ = acks.Build(report).Select(i => X12Writer.ToText(i)).ToList();
            _ = X12ReportJson.Serialize(report);
            _ = X12DocumentReader.Read(new MemoryStream(data), new X12ReaderOptions { BufferSize = 64 });
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"2,000 mutations took {clock.Elapsed}");
    }
}

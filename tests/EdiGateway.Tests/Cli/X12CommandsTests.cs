using EdiGateway.Cli;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Cli;

/// <summary>The <c>edigw x12</c> tools on the repository's specs and sample partners.</summary>
public sealed class X12CommandsTests : IDisposable
{
    private readonly TempDirectory temp = new("edigw-x12cli");

    private static string Fixture(string name) => Repository.Fixture("Pipeline", "Fixtures", name);

    [Fact]
    public async Task Validate_InvalidFile_ExitsOneWithOneLinePerErrorNamingSegmentElementAndReason()
    {
        var (code, output, _) = await RunAsync("x12", "validate", Fixture("850-mixed.edi"));

        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("\terror\t", StringComparison.Ordinal));
        Assert.Contains("PO103", line, StringComparison.Ordinal);
        Assert.Contains("'CS' is not in Amazon's list (EA, CA)", line, StringComparison.Ordinal);
        Assert.Contains("invalid: 3 interchange(s), 6 set(s), 1 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ValidFileAsJson_ExitsZeroAndPrintsTheReport()
    {
        var (code, output, _) = await RunAsync("x12", "validate", Fixture("850-two-valid.edi"), "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"valid\": true", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFileOrUnknownGuide_ExitsTwo()
    {
        var (missing, _, error) = await RunAsync("x12", "validate", temp.Combine("nope.edi"));
        var (unknown, _, guideError) = await RunAsync("x12", "validate", Fixture("850-two-valid.edi"), "--guide", "no-such-guide");

        Assert.Equal(2, missing);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Contains("guide 'no-such-guide' is not in", guideError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_MixedFile_Prints997WithTheRejectedSet()
    {
        var (code, output, _) = await RunAsync("x12", "ack", Fixture("850-mixed.edi"));

        Assert.Equal(0, code);
        Assert.Contains("AK2*850*0003~", output, StringComparison.Ordinal);
        Assert.Contains("AK4*3*355*7*CS~", output, StringComparison.Ordinal);
        Assert.Contains("AK9*P*3*3*2~", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJsonThenFromJson_ReproducesTheFileByteForByte()
    {
        var (toCode, json, _) = await RunAsync("x12", "to-json", Fixture("850-two-valid.edi"));
        var jsonFile = temp.Combine("po.json");
        await File.WriteAllTextAsync(jsonFile, json);

        var (fromCode, x12, _) = await RunAsync("x12", "from-json", jsonFile);

        Assert.Equal(0, toCode);
        Assert.Equal(0, fromCode);
        Assert.Equal(await File.ReadAllTextAsync(Fixture("850-two-valid.edi")), x12);
    }

    [Fact]
    public async Task Split_MixedFile_OneInterchangePerSetWithEnvelopes()
    {
        var (code, output, _) = await RunAsync("x12", "split", Fixture("850-mixed.edi"), "--out", temp.Combine("split"));

        Assert.Equal(0, code);
        Assert.Contains("6 interchange(s) written", output, StringComparison.Ordinal);
        var files = Directory.GetFiles(temp.Combine("split"));
        Assert.Equal(6, files.Length);
        Assert.All(files, f =>
        {
            var text = File.ReadAllText(f);
            Assert.StartsWith("ISA*", text, StringComparison.Ordinal);
            Assert.Contains("GE*1*", text, StringComparison.Ordinal);
            Assert.Contains("IEA*1*", text, StringComparison.Ordinal);
        });
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EdigwCli.RunAsync([.. args, "--home", Repository.Root], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => temp.Dispose();
}

using System.Text;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Tests.TestSupport;

/// <summary>Paths to the repository, fixtures and specs, and shared loaded libraries.</summary>
internal static class TestData
{
    public const string Amazon = "amazon-vendor-central";

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EdiGateway.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<SpecLoadResult> RealSpecs = new(() => SpecLoader.LoadFolder(Path.Combine(RepoRoot, "edi-specs")));
    private static readonly Lazy<SpecLoadResult> FixtureSpecs = new(() => SpecLoader.LoadFolder(Path.Combine(ProjectDir, "Specs")));

    public static string RepoRoot => Root.Value;

    public static string ProjectDir => Path.Combine(RepoRoot, "tests", "EdiGateway.Edi.Tests");

    public static string FixturePath(string name) => Path.Combine(ProjectDir, "Fixtures", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    public static string FixtureText(string name) => Encoding.UTF8.GetString(Fixture(name));

    public static SpecLoadResult Real => RealSpecs.Value;

    public static SpecLoadResult Fixtures => FixtureSpecs.Value;

    public static IEnumerable<string> FixtureNames(string prefix) =>
        Directory.GetFiles(Path.Combine(ProjectDir, "Fixtures"), prefix + "*.edi").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The guide a fixture is validated with: Amazon for Amazon sets, none for the 3PL sets.</summary>
    public static string? GuideFor(string fixture) => fixture.Contains("_94", StringComparison.Ordinal) ? null : Amazon;

    public static X12FileReport Validate(string fixture, X12ValidationOptions? options = null)
    {
        var lib = fixture.StartsWith("fixture_", StringComparison.Ordinal) ? Fixtures.Library : Real.Library;
        var o = options ?? new X12ValidationOptions { GuideId = fixture.StartsWith("fixture_", StringComparison.Ordinal) ? "test-guide" : GuideFor(fixture) };
        return new X12Processor(lib, o).Validate(new MemoryStream(Fixture(fixture)));
    }

    public static X12FileReport ValidateBytes(byte[] data, string? guide = Amazon) =>
        new X12Processor(Real.Library, new X12ValidationOptions { GuideId = guide }).Validate(new MemoryStream(data));
}

/// <summary>A clock stopped at one instant, so ISA09/ISA10 and GS04/GS05 are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

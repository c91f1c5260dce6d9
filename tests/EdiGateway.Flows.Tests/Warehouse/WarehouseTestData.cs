using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Common;
using EdiGateway.Flows.Warehouse;

namespace EdiGateway.Flows.Tests.Warehouse;

/// <summary>The 3PL profile, item table, fixtures and the generic-3pl guide shared by the warehouse tests.</summary>
internal static class WarehouseTestData
{
    public const string Guide = "generic-3pl";

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EdiGateway.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<SpecLibrary> Library = new(() => SpecLoader.LoadFolder(Path.Combine(Root.Value, "edi-specs")).Library);

    public static string FixturePath(string name) => Path.Combine(Root.Value, "tests", "EdiGateway.Flows.Tests", "Warehouse", "Fixtures", name);

    public static X12TransactionSet ReadSet(string name) =>
        X12DocumentReader.Parse(File.ReadAllText(FixturePath(name))).Document.Interchanges.Single().Groups.Single().Sets.Single();

    /// <summary>The acme-3pl-test profile's settings and code maps, plus the directions its reason codes need.</summary>
    public static Dictionary<string, string> ProfileSettings() => new()
    {
        ["sageCompany"] = "demo", ["sageWarehouse"] = "3PL", ["channelPrefix"] = "3PL", ["stockDriftThresholdUnits"] = "5", ["ssccSource"] = "MAN",
        ["warehouseId"] = "LEEDS1", ["warehouseName"] = "Acme Logistics Leeds", ["shipFromName"] = "Acme Homeware Ltd",
    };

    public static Dictionary<string, IReadOnlyDictionary<string, string>> ProfileCodeMaps() => new()
    {
        ["adjustmentReasons"] = new Dictionary<string, string> { ["01"] = "DAMAGED", ["02"] = "LOST", ["05"] = "FOUND", ["07"] = "CYCLECOUNT" },
        ["adjustmentDirections"] = new Dictionary<string, string> { ["01"] = "decrease", ["02"] = "decrease", ["05"] = "increase", ["07"] = "signed" },
    };

    public static WarehouseSettings Settings(Action<Dictionary<string, string>>? change = null)
    {
        var s = ProfileSettings();
        change?.Invoke(s);
        var r = WarehouseSettings.FromProfile(s, ProfileCodeMaps());
        return r.Value ?? throw new InvalidOperationException(string.Join("; ", r.Problems));
    }

    /// <summary>The item table of partners/acme-3pl-test/items.csv, copied here (tests do not read the profile folder).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ItemRows()
    {
        var lines = File.ReadAllLines(FixturePath("items.csv")).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    public static WarehouseItems Items { get; } = WarehouseItems.Load(ItemRows()).Value!;

    public static X12EnvelopeOptions Envelope { get; } = new() { SenderId = "ACMEVENDOR", ReceiverId = "ACMELOGISTICS", UsageIndicator = "T" };

    public static IControlNumberSource Numbers() => new SequentialControlNumbers(2001, 2001, 1);

    /// <summary>Errors (warnings left out) of an X12 text against the generic-3pl guide.</summary>
    public static IReadOnlyList<string> GuideErrors(string x12)
    {
        var processor = new X12Processor(Library.Value, new X12ValidationOptions { GuideId = Guide });
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(x12));
        var report = processor.Validate(ms);
        var errors = report.AllErrors.Where(e => e.Severity == X12Severity.Error).Select(e => e.ToString()).ToList();
        if (report.SetCount == 0) errors.Add("no transaction set read");
        return errors;
    }

    public static IReadOnlyList<string> FixtureGuideErrors(string name) => GuideErrors(File.ReadAllText(FixturePath(name)));

    /// <summary>ST..SE of the single set, one segment a line, without terminators.</summary>
    public static IReadOnlyList<string> SetLines(string x12) =>
        [.. x12.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('~'))
            .SkipWhile(l => !l.StartsWith("ST*", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("GE*", StringComparison.Ordinal))];

    public static string Describe(IEnumerable<FlowProblem> problems) => string.Join("; ", problems);
}

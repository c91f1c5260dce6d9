using System.Text;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;
using EdiGateway.Flows.Amazon;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Flows.Tests;

/// <summary>Fixtures, partner tables, clock and the Amazon guide shared by the tests.</summary>
internal static class TestData
{
    private static readonly Lazy<SpecLibrary> Library = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("EdiGateway.sln not found above " + AppContext.BaseDirectory);
        var result = SpecLoader.LoadFolder(Path.Combine(dir.FullName, "edi-specs"));
        return result.Library;
    });

    public const string Guide = "amazon-vendor-central";

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Amazon", "Fixtures", name);

    public static X12TransactionSet ReadSet(string name)
    {
        var read = X12DocumentReader.Parse(File.ReadAllText(FixturePath(name)));
        return read.Document.Interchanges.Single().Groups.Single().Sets.Single();
    }

    public static PurchaseOrder ReadPo(string name) => PurchaseOrderReader.Read(ReadSet(name)).Value
        ?? throw new InvalidOperationException(string.Join("; ", PurchaseOrderReader.Read(ReadSet(name)).Problems));

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(FixturePath(name)).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    public static AmazonSettings Settings { get; } = AmazonSettings.FromProfile(
        new Dictionary<string, string>
        {
            ["vendorCode"] = "ACME1", ["channelPrefix"] = "AMZ", ["priceTolerancePercent"] = "2.0", ["currency"] = "GBP",
            ["remitTo.name"] = "Acme Homeware Ltd", ["remitTo.address1"] = "1 Mill Road", ["remitTo.city"] = "Leeds",
            ["remitTo.postcode"] = "LS1 1AA", ["remitTo.country"] = "GB", ["clearingBank"] = "AMZCLR", ["gs1CompanyPrefix"] = "0501234",
        },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["deductionNominals"] = new Dictionary<string, string>
            {
                ["shortage"] = "4010", ["chargeback"] = "4020", ["priceProtection"] = "4030", ["coop"] = "4040", ["discount"] = "4050", ["adjustment"] = "4090",
            },
            ["adjustmentReasons"] = new Dictionary<string, string> { ["22"] = "chargeback", ["01"] = "discount" },
            ["invoiceCharges"] = new Dictionary<string, string> { ["Freight"] = "G830", ["Discount"] = "C310" },
        }).Value!;

    public static ItemCrossReference Items(AmazonSettings? s = null) => new(Csv("items.csv"), s ?? Settings);

    public static ShipToDirectory ShipTo(AmazonSettings? s = null) => new(Csv("ship-to.csv"), s ?? Settings);

    public static IReadOnlyDictionary<string, decimal> SagePrices { get; } = new Dictionary<string, decimal>
    {
        ["MUG001"] = 9.00m, ["TEA002"] = 2.50m, ["PAN003"] = 3.40m,
    };

    public static ResolvedOrder Resolve(string fixture, AmazonSettings? s = null) =>
        PurchaseOrderResolver.Resolve(ReadPo(fixture), s ?? Settings, Items(s), ShipTo(s), SagePrices).Value!;

    /// <summary>2026-12-02 09:00 UTC, the day after the fixtures' PO date.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public static X12EnvelopeOptions Envelope { get; } = new() { SenderId = "ACMEVENDOR", ReceiverId = "AMAZON", UsageIndicator = "T" };

    /// <summary>Validates an outbound document against the Amazon guide; returns the errors (warnings left out).</summary>
    public static IReadOnlyList<string> GuideErrors(string x12)
    {
        var processor = new X12Processor(Library.Value, new X12ValidationOptions { GuideId = Guide });
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(x12));
        var report = processor.Validate(ms);
        var errors = report.AllErrors.Where(e => e.Severity == X12Severity.Error).Select(e => e.ToString()).ToList();
        if (report.SetCount == 0) errors.Add("no transaction set read");
        return errors;
    }

    /// <summary>Segments of the (single) set in a document, ST..SE, as text lines.</summary>
    public static IReadOnlyList<string> SetLines(string x12) =>
        [.. x12.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('~'))
            .SkipWhile(l => !l.StartsWith("ST*", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("GE*", StringComparison.Ordinal))];
}

using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Bench;

/// <summary>Whole-file throughput: raw byte scan floor, read only, read + validate (streaming, nothing retained).</summary>
[MemoryDiagnoser]
public class X12WholeFileRun
{
    private byte[] _one850 = [];
    private X12Validator? _validator;

    /// <summary>Micro benchmark setup: a generated file of 500 850s and 500 856s in memory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "edigw-micro.edi");
        X12Generator.Write(path, 1);
        _one850 = File.ReadAllBytes(path);
        _validator = new X12Validator(LoadSpecs(FindSpecs()), new X12ValidationOptions { GuideId = "amazon-vendor-central" });
    }

    /// <summary>Reads and validates the small file.</summary>
    [Benchmark]
    public int ReadValidateSmallFile()
    {
        var n = 0;
        foreach (var item in X12Reader.Read(_one850))
            if (item is X12SetRead r) n += _validator!.Validate(r.Set).Errors.Length;
        return n;
    }

    public static int Run(string[] args)
    {
        var sizeMb = 100L;
        string? file = null;
        var guide = "amazon-vendor-central";
        var threads = Environment.ProcessorCount;
        var passes = "scan,read,validate,parallel";
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--threads") threads = Math.Max(1, int.Parse(args[i + 1], CultureInfo.InvariantCulture));
            if (args[i] == "--passes") passes = args[i + 1];
            if (args[i] == "--size-mb") sizeMb = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--file") file = args[i + 1];
            if (args[i] == "--guide") guide = args[i + 1];
        }
        file ??= Path.Combine(Path.GetTempPath(), $"edigw-bench-{sizeMb}mb.edi");
        if (!File.Exists(file) || new FileInfo(file).Length < sizeMb * 1024 * 1024)
        {
            var sw0 = Stopwatch.StartNew();
            X12Generator.Write(file, sizeMb * 1024 * 1024);
            Console.WriteLine($"generated {file} in {sw0.Elapsed.TotalSeconds:F1} s");
        }
        var bytes = new FileInfo(file).Length;
        var mb = bytes / (1024.0 * 1024.0);
        Console.WriteLine($"file: {file} ({mb:F1} MB), cores: {Environment.ProcessorCount}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        var library = LoadSpecs(FindSpecs());
        var validator = new X12Validator(library, new X12ValidationOptions { GuideId = guide });
        var selected = passes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = selected.Except(["scan", "read", "validate", "parallel"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown pass(es) {string.Join(", ", unknown)}; expected scan, read, validate, parallel");
            return 2;
        }
        Console.WriteLine($"passes: {string.Join(",", selected)}, threads: {threads}, load average: {LoadAverage()}, " +
                          $"DOTNET_GCgen0size: {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "(not set)"}");

        if (selected.Contains("scan")) Measure("raw byte scan (count '~')", mb, () =>
        {
            using var fs = Open(file);
            var buf = new byte[1 << 20];
            long count = 0;
            int n;
            while ((n = fs.Read(buf, 0, buf.Length)) > 0) count += buf.AsSpan(0, n).Count((byte)'~');
            return $"{count:N0} terminators";
        });
        if (selected.Contains("read")) Measure("read only (sets, no validation)", mb, () =>
        {
            using var fs = Open(file);
            long sets = 0, segments = 0;
            foreach (var item in X12Reader.Read(fs))
                if (item is X12SetRead r) { sets++; segments += r.Set.SegmentCount; }
            return $"{sets:N0} sets, {segments:N0} segments";
        });
        if (selected.Contains("validate")) Measure($"read + validate (guide {guide})", mb, () =>
        {
            using var fs = Open(file);
            long sets = 0, errors = 0;
            foreach (var item in X12Reader.Read(fs))
                if (item is X12SetRead r) { sets++; errors += validator.Validate(r.Set).Errors.Length; }
            return $"{sets:N0} sets, {errors:N0} errors";
        });
        var processor = new X12Processor(library, new X12ValidationOptions { GuideId = guide }, null, threads);
        if (selected.Contains("parallel")) Measure($"read + validate, {threads} threads (X12Processor)", mb, () =>
        {
            using var fs = Open(file);
            var report = processor.Validate(fs);
            return $"{report.SetCount:N0} sets, valid={report.IsValid}";
        });
        return 0;
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static FileStream Open(string file) => new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static void Measure(string name, double mb, Func<string> run)
    {
        GC.Collect();
        using var p0 = Process.GetCurrentProcess();
        var cpu0 = p0.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var pause0 = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        var what = run();
        sw.Stop();
        var alloc = GC.GetTotalAllocatedBytes(true) - alloc0;
        using var p = Process.GetCurrentProcess();
        var cpu = (p.TotalProcessorTime - cpu0).TotalSeconds;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
        Console.WriteLine($"{name,-48} {sw.Elapsed.TotalSeconds,7:F2} s {mb / sw.Elapsed.TotalSeconds,7:F1} MB/s wall, {mb / Math.Max(cpu, 1e-6),7:F1} MB/cpu-s  heap {heap,6:F1} MB  peak WS {p.PeakWorkingSet64 / 1048576.0,7:F1} MB" +
                          $"  alloc {alloc / 1048576.0,9:F1} MB  gen0 {GC.CollectionCount(0) - gen0} gen2 {GC.CollectionCount(2) - gen2} (paused {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms)  [{what}]");
    }

    /// <summary>The repository's edi-specs, loaded.</summary>
    public static SpecLibrary LoadSpecsFrom() => LoadSpecs(FindSpecs());

    private static string FindSpecs()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? ".", "edi-specs");
    }

    private static SpecLibrary LoadSpecs(string root)
    {
        var result = SpecLoader.LoadFolder(root);
        foreach (var e in result.Errors.Take(5)) Console.Error.WriteLine("spec: " + e);
        return result.Library;
    }
}

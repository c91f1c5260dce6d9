using System.Diagnostics;
using System.Globalization;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Bench;

/// <summary>In-memory loop for profiling: reads the first <c>--mb</c> MB of sets once, then validates them
/// <c>--repeat</c> times with the guide and with the bare standard, printing CPU time per set.</summary>
public static class X12SetLoop
{
    public static int Run(string[] args)
    {
        var mb = 8;
        var repeat = 5;
        var take = 0;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--mb") mb = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--repeat") repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--take") take = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        var path = Path.Combine(Path.GetTempPath(), $"edigw-bench-{mb}mb.edi");
        if (!File.Exists(path)) X12Generator.Write(path, mb * 1024L * 1024L);
        var sets = X12Reader.Read(File.ReadAllBytes(path)).OfType<X12SetRead>().Select(r => r.Set).ToList();
        // --take N: the first N sets of each kind over and over (the same number of validations), so the data stays in
        // the cache and the figure is the validator's own cost.
        if (take > 0)
        {
            var few = sets.GroupBy(s => s.SetId).SelectMany(g => g.Take(take)).ToList();
            sets = [.. Enumerable.Range(0, sets.Count).Select(i => few[i % few.Count])];
        }
        var library = X12WholeFileRun.LoadSpecsFrom();
        using var sampler = args.Contains("--alloc") ? new AllocationSampler() : null;
        string?[] guides = args.Contains("--guide-only") ? ["amazon-vendor-central"] : args.Contains("--bare-only") ? [null] : ["amazon-vendor-central", null];
        foreach (var guide in guides)
        {
            var validator = new X12Validator(library, new X12ValidationOptions { GuideId = guide });
            var best = double.MaxValue;
            for (var r = 0; r < repeat; r++)
            {
                if (sampler is not null) sampler.Enabled = r == repeat - 1;
                using var p0 = Process.GetCurrentProcess();
                var cpu0 = p0.TotalProcessorTime;
                var alloc0 = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                var errors = 0;
                foreach (var s in sets) errors += validator.Validate(s).Errors.Length;
                sw.Stop();
                using var p1 = Process.GetCurrentProcess();
                var cpu = (p1.TotalProcessorTime - cpu0).TotalMilliseconds;
                if (r > 0) best = Math.Min(best, cpu * 1000 / sets.Count);
                Console.WriteLine($"guide {guide ?? "(none)",-22} pass {r}: {sets.Count} sets, {sw.Elapsed.TotalMilliseconds * 1000 / sets.Count,6:F2} us/set wall, {cpu * 1000 / sets.Count,6:F2} us/set cpu, " +
                                  $"{(GC.GetAllocatedBytesForCurrentThread() - alloc0) / (double)sets.Count,7:F0} B/set, {errors} errors");
            }
            // The best pass after the first (JIT warm-up): on a shared machine the least disturbed one.
            if (repeat > 1)
                Console.WriteLine($"guide {guide ?? "(none)",-22} best: {best,6:F2} us/set cpu, {sets.Average(s => (double)s.ByteLength) / best:F1} MB/cpu-s");
        }
        foreach (var (type, count) in sampler?.Top(15) ?? []) Console.WriteLine($"  alloc ticks {count,5} {type}");
        return 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdiGateway.Hosting;
using EdiGateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace EdiGateway.Bench;

/// <summary>
/// Whole-pipeline run: N Amazon 850s dropped as files into a partner's inbound folder of a real in-process
/// gateway on SQLite, each followed to "ready to post". Prints sets/s, files/s and per-set latency
/// (file visible in the folder -> set ready) p50/p95/p99/max.
/// <c>dotnet run -c Release --project bench/EdiGateway.Bench -- pipeline [--sets 10000] [--per-file 5] [--files-per-second N]</c>
/// </summary>
internal static class PipelineRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sets = Arg(args, "--sets", 10_000);
        var perFile = Arg(args, "--per-file", 5);
        var rate = Arg(args, "--files-per-second", 0);
        var repo = FindRepo();
        var home = Directory.CreateTempSubdirectory("edigw-bench-pipeline-").FullName;
        Copy(Path.Combine(repo, "partners"), Path.Combine(home, "partners"));
        var app = GatewayApp.Build(new GatewayHome(home), [
            "--Urls", "http://127.0.0.1:0",
            "--Gateway:SpecsDirectory", Path.Combine(repo, "edi-specs"),
            "--Pipeline:PollIntervalMilliseconds", "100",
            "--Pipeline:StableForMilliseconds", "50",
            "--Serilog:MinimumLevel:Default", "Warning",
        ]);
        await GatewayApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var monitor = app.Services.GetRequiredService<PipelineMonitor>();
        var handled = 0;
        var done = monitor.WaitForAsync(e => e is PipelineEvent.SetHandled && Interlocked.Increment(ref handled) >= sets, TimeSpan.FromMinutes(30));

        var inbound = Path.Combine(home, "data", "dropbox", "amazon-vc-test", "in");
        Directory.CreateDirectory(inbound);
        var files = (sets + perFile - 1) / perFile;
        var payloads = new List<(string Name, byte[] Bytes)>(files);
        for (var f = 0; f < files; f++)
        {
            var control = 100_000 + f;
            var body = new StringBuilder();
            var n = Math.Min(perFile, sets - (f * perFile));
            var list = new List<string>();
            for (var s = 1; s <= n; s++)
            {
                list.Add(PurchaseOrder(s.ToString("D4", CultureInfo.InvariantCulture), $"B{control:D6}{s:D1}", 10));
            }

            payloads.Add(($"po-{control}.edi", Encoding.ASCII.GetBytes(Interchange(control, list))));
        }

        var clock = Stopwatch.StartNew();
        var dropTimes = new double[files];
        for (var f = 0; f < files; f++)
        {
            if (rate > 0 && clock.Elapsed < TimeSpan.FromSeconds((double)f / rate))
            {
                await Task.Delay(TimeSpan.FromSeconds((double)f / rate) - clock.Elapsed);
            }

            var (name, bytes) = payloads[f];
            var temp = Path.Combine(inbound, name + ".tmp");
            await File.WriteAllBytesAsync(temp, bytes);
            File.Move(temp, Path.Combine(inbound, name));
            dropTimes[f] = clock.Elapsed.TotalMilliseconds;
        }

        var dropEnd = clock.Elapsed;
        await done;
        var elapsed = clock.Elapsed;
        await app.StopAsync();

        // Latency per set from the lineage: created (set recorded) and updated (ready) times are in the database;
        // the drop time is known per file (one interchange per file, control number = 100000 + file index).
        var db = Path.Combine(home, "data", "edigateway.db");
        var startedAt = DateTimeOffset.UtcNow - elapsed;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT interchange_control_number, updated_at FROM lineage WHERE kind = 3 AND state = 'ready-to-post'";
        var ready = new List<double>();
        using (var reader = cmd.ExecuteReader())
        {
            var firstDrop = startedAt.ToUnixTimeMilliseconds();
            while (reader.Read())
            {
                var file = int.Parse(reader.GetString(0), CultureInfo.InvariantCulture) - 100_000;
                var readyAt = reader.GetInt64(1) - firstDrop;
                ready.Add(readyAt - dropTimes[file]);
            }
        }

        ready.Sort();
        double P(double q) => ready.Count == 0 ? 0 : ready[Math.Min(ready.Count - 1, (int)Math.Ceiling(q * ready.Count) - 1)];
        Console.WriteLine($"pipeline: {sets} Amazon 850s in {files} files ({perFile} per file), SQLite, one partner, " +
                          (rate > 0 ? $"dropped at {rate} files/s" : "all dropped at once"));
        Console.WriteLine($"  all files dropped in {dropEnd.TotalSeconds:0.00} s; last set ready after {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  throughput: {sets / elapsed.TotalSeconds:0} sets/s, {files / elapsed.TotalSeconds:0} files/s");
        Console.WriteLine($"  latency drop -> ready ({ready.Count} sets): p50 {P(0.50):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {P(1.0):0} ms");
        Console.WriteLine($"  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        await app.DisposeAsync();
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
        }

        return ready.Count == sets ? 0 : 1;
    }

    private static string PurchaseOrder(string st, string po, int lines)
    {
        var segs = new List<string> { $"ST*850*{st}", $"BEG*00*NE*{po}**20261201", "REF*CR*ACME1", "CSH*Y", "DTM*064*20261205", "DTM*063*20261212", "N1*ST**92*LBA4" };
        var quantity = 0;
        for (var i = 1; i <= lines; i++)
        {
            segs.Add($"PO1*{i}*{i + 1}*EA*3.10*PE*BP*B0EXAMPLE2*VN*ACME-TEA-02");
            quantity += i + 1;
        }

        segs.Add($"CTT*{lines}*{quantity}");
        segs.Add($"SE*{segs.Count + 1}*{st}");
        return string.Concat(segs.Select(s => s + "~\n"));
    }

    private static string Interchange(int control, List<string> sets)
    {
        var ctl = control.ToString("D9", CultureInfo.InvariantCulture);
        return $"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*ACMEVENDOR     *261201*0930*U*00401*{ctl}*0*T*>~\n" +
               $"GS*PO*AMAZON*ACMEVENDOR*20261201*0930*{control}*X*004010~\n" + string.Concat(sets) + $"GE*{sets.Count}*{control}~\nIEA*1*{ctl}~\n";
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdiGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EdiGateway.sln not found");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
        }
    }
}

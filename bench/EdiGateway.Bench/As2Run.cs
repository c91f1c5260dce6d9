using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdiGateway.Transports;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Cms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Bench;

/// <summary>
/// AS2 round-trip throughput: our receiver on loopback Kestrel, As2Client sending signed (SHA-256) + encrypted (AES-256-CBC)
/// payloads with a signed sync MDN; prints messages/s, MB/s, p50/p95/p99 per message and the load average.
/// <c>dotnet run -c Release --project bench/EdiGateway.Bench -- as2 [--messages 300] [--size-kb 100] [--parallel 1]</c>
/// </summary>
internal static class As2Run
{
    private const string OurId = "BENCH-US";
    private const string PartnerId = "BENCH-PARTNER";

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Option(args, "--messages", 300);
        var sizeKb = Option(args, "--size-kb", 100);
        var parallels = args.Contains("--parallel") ? [Option(args, "--parallel", 1)] : new[] { 1, 4 };

        using var ours = CreateCertificate("bench-us");
        using var partner = CreateCertificate("bench-partner");
        var sink = new CountingSink();
        var inbound = new As2PartnerOptions
        {
            PartnerId = "bench-partner", LocalAs2Id = OurId, PartnerAs2Id = PartnerId, LocalCertificate = ours, PartnerCertificates = [partner],
            RequireSignedInbound = true, RequireEncryptedInbound = true,
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IAs2PartnerDirectory>(new SingleDirectory(inbound));
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.Services.AddSingleton<IAs2MessageStore>(new InMemoryAs2MessageStore());
        builder.Services.AddAs2Transport(o => { o.MessageIdDomain = "bench.local"; o.MaxBodyBytes = 200_000_000; });
        await using var app = builder.Build();
        app.MapAs2Receiver("/as2");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = app.Services.GetRequiredService<As2Client>();
        var outbound = new As2PartnerOptions
        {
            PartnerId = "bench-us", LocalAs2Id = PartnerId, PartnerAs2Id = OurId, LocalCertificate = partner, PartnerCertificates = [ours],
            PartnerUrl = new Uri(address + "/as2"), Signing = MicAlgorithm.Sha256, Encryption = ContentEncryption.Aes256Cbc,
            MdnMode = As2MdnMode.Sync, RequestSignedMdn = true, MdnTimeout = TimeSpan.FromSeconds(60), MaxAttempts = 1,
        };

        var payload = new byte[sizeKb * 1024];
        RandomNumberGenerator.Fill(payload);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"as2: {messages} x {sizeKb} KB, SHA-256 signed, AES-256-CBC, signed sync MDN, RSA-2048, {Environment.ProcessorCount} cores"));

        // Warm-up (JIT, connection) outside the timed runs.
        for (var i = 0; i < 5; i++)
        {
            await SendOneAsync(client, outbound, payload, "warm-" + i);
        }

        var failed = 0;
        foreach (var parallel in parallels)
        {
            var latencies = new ConcurrentBag<double>();
            var next = 0;
            var storedBefore = sink.Count;
            var sw = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, parallel).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) <= messages)
                {
                    var start = Stopwatch.GetTimestamp();
                    if (!await SendOneAsync(client, outbound, payload, $"p{parallel}-{i}"))
                    {
                        Interlocked.Increment(ref failed);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }).ToList();
            await Task.WhenAll(workers);
            sw.Stop();
            var lat = latencies.Order().ToList();
            var stored = sink.Count - storedBefore;
            var mb = (double)messages * payload.Length / (1024 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel {parallel}: {messages} sent, {stored} stored, {failed} not delivered, {messages / sw.Elapsed.TotalSeconds:F1} msg/s, {mb / sw.Elapsed.TotalSeconds:F1} MB/s, " +
                $"p50 {Pct(lat, 0.50):F1} ms, p95 {Pct(lat, 0.95):F1} ms, p99 {Pct(lat, 0.99):F1} ms, load {LoadAverage()}"));
        }

        await app.StopAsync();
        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool> SendOneAsync(As2Client client, As2PartnerOptions outbound, byte[] payload, string name)
    {
        var result = await client.SendAsync(outbound, new As2OutboundMessage(name + ".x12", "application/edi-x12", payload), CancellationToken.None);
        if (result.Status != As2SendStatus.Delivered)
        {
            Console.Error.WriteLine($"{name}: {result.Status} {result.Failure?.Message}");
            return false;
        }

        return true;
    }

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static X509Certificate2 CreateCertificate(string cn)
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=" + cn, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12, "b"), "b", X509KeyStorageFlags.Exportable);
    }

    private sealed class SingleDirectory(As2PartnerOptions profile) : IAs2PartnerDirectory
    {
        public As2PartnerOptions? Find(string partnerAs2Id, string localAs2Id) =>
            partnerAs2Id == profile.PartnerAs2Id && localAs2Id == profile.LocalAs2Id ? profile : null;
    }

    private sealed class CountingSink : IInboundSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask<string> StoreAsync(InboundMessage message, CancellationToken cancellationToken) =>
            ValueTask.FromResult("doc-" + Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture));
    }
}

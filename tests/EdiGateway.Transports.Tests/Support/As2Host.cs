using System.Net;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>A real Kestrel host on 127.0.0.1 with the AS2 receiver mapped at /as2; restartable on the same port.</summary>
public sealed class As2Host : IAsyncDisposable
{
    private WebApplication? _app;

    private As2Host(IAs2PartnerDirectory directory, RecordingSink sink, IAs2MessageStore store)
    {
        Directory = directory;
        Sink = sink;
        Store = store;
    }

    public IAs2PartnerDirectory Directory { get; }

    public RecordingSink Sink { get; }

    public IAs2MessageStore Store { get; }

    public int Port { get; private set; }

    public bool UnfoldHeaders { get; private init; }

    public Uri Url => new("http://127.0.0.1:" + Port + "/as2");

    public IServiceProvider Services => _app!.Services;

    public As2Client Client => Services.GetRequiredService<As2Client>();

    public static async Task<As2Host> StartAsync(IAs2PartnerDirectory directory, RecordingSink? sink = null, IAs2MessageStore? store = null, int port = 0, bool unfoldHeaders = false)
    {
        var host = new As2Host(directory, sink ?? new RecordingSink(), store ?? new InMemoryAs2MessageStore()) { Port = port, UnfoldHeaders = unfoldHeaders };
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port, l =>
        {
            if (UnfoldHeaders)
            {
                l.UseAs2HeaderUnfolding();
            }
        }));
        builder.Services.AddSingleton(Directory);
        builder.Services.AddSingleton<IInboundSink>(Sink);
        builder.Services.AddSingleton(Store);
        builder.Services.AddAs2Transport(o =>
        {
            o.MessageIdDomain = "test.local";
            o.AsyncMdnRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        var app = builder.Build();
        app.MapAs2Receiver("/as2");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

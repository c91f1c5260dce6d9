using System.Net;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdiGateway.Transports.Tests.As2.Http;

/// <summary>A partner whose signed MDN carries a wrong MIC is never a quiet success.</summary>
public sealed class As2ClientMdnCheckTests
{
    private static async Task<WebApplication> StartLyingPartnerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/as2", async (HttpContext ctx) =>
        {
            var request = new As2MdnRequest(ctx.Request.Headers["Message-ID"].ToString(), Profiles.PartnerName, Profiles.OurName, null, null,
                As2NotificationOptions.Parse(ctx.Request.Headers["Disposition-Notification-Options"].ToString()), null);
            var mdn = As2MdnBuilder.Build(request, As2Disposition.Processed, (Convert.ToBase64String(new byte[32]), MicAlgorithm.Sha256), TestPki.B, As2InteropPreset.Default, "liar", "liar.local", DateTimeOffset.UtcNow);
            foreach (var h in mdn.Headers)
            {
                ctx.Response.Headers[h.Name] = h.Value;
            }

            ctx.Response.ContentLength = mdn.Body.Length;
            await ctx.Response.Body.WriteAsync(mdn.Body);
        });
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task SendAsync_MdnWithWrongMic_MicMismatch()
    {
        await using var app = await StartLyingPartnerAsync();
        using var http = new HttpClient();
        var client = new As2Client(http, new As2MdnInbox(), new As2EndpointOptions(), TimeProvider.System, NullLogger<As2Client>.Instance);
        var profile = Profiles.Outbound(new Uri(app.Urls.First() + "/as2"));

        var strict = await client.SendAsync(profile, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);
        var lenient = await client.SendAsync(profile with { MicMismatchIsFailure = false }, new As2OutboundMessage("po.x12", "application/edi-x12", Profiles.Payload), CancellationToken.None);

        Assert.Equal(As2SendStatus.MicMismatch, strict.Status);
        Assert.True(strict.Mdn!.SignatureValid);
        Assert.Equal(As2SendStatus.DeliveredWithWarning, lenient.Status);
    }
}

using EdiGateway.Hosting;
using EdiGateway.Partners;
using EdiGateway.Transports.As2;
using EdiGateway.Transports.As2.Http;
using EdiGateway.Transports.Files;

namespace EdiGateway.Transports;

/// <summary>
/// Sends bytes to a partner over the transport its profile names (folder, AS2, SFTP, FTP/FTPS) and opens the
/// partner's inbound pickup. Drop folders and servers get a temporary name, then a rename, so the partner
/// never sees a partial file; AS2 counts as sent only when the MDN verifies. Failures are <see cref="TransportException"/>.
/// </summary>
public sealed partial class PartnerTransports(
    GatewayHome home,
    RemoteEndpoints remotes,
    PartnerAs2Directory as2Partners,
    As2Client as2,
    TransportLedger ledger,
    TimeProvider clock,
    ILogger<PartnerTransports> logger)
{
    public async Task SendAsync(PartnerProfile partner, string name, Stream content, CancellationToken ct)
    {
        var transport = partner.Transport ?? throw new TransportException($"Partner {partner.Id} has no transport in its profile (transport.type).", TransportFailureKind.Configuration);
        switch (transport.Type)
        {
            case "folder":
                var folder = FolderOptions(partner);
                Directory.CreateDirectory(folder.OutboundPath);
                var temp = Path.Combine(folder.OutboundPath, $".{name}{folder.TempSuffix}");
                await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await content.CopyToAsync(file, ct);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temp, Path.Combine(folder.OutboundPath, name), overwrite: true);
                break;
            case "as2":
                await SendAs2Async(partner, name, await ReadAllAsync(content, ct), ct);
                break;
            case "sftp" or "ftp" or "ftps":
                await OpenInbound(partner, TimeSpan.Zero).SendAsync(name, await ReadAllAsync(content, ct), ct);
                break;
            default:
                throw new TransportException($"Partner {partner.Id}: transport '{transport.Type}' is not supported; the document stays queued.", TransportFailureKind.Configuration);
        }
    }

    /// <summary>The pickup of a folder, SFTP or FTP/FTPS partner, storing through the transport ledger.</summary>
    public FileTransport OpenInbound(PartnerProfile partner, TimeSpan stableFor)
    {
        IFileEndpoint endpoint;
        string work;
        if (partner.Transport?.Type is "folder")
        {
            var folder = FolderOptions(partner);
            Directory.CreateDirectory(folder.InboundPath);
            endpoint = new DropFolderEndpoint(folder);
            work = Path.Combine(Path.GetDirectoryName(folder.InboundPath)!, ".work");
        }
        else
        {
            endpoint = remotes.Create(partner);
            work = Path.Combine(remotes.PartnerDirectory(partner), "work");
        }

        return new FileTransport(endpoint, new FileTransportOptions { PartnerId = partner.Id, WorkDirectory = work, StableFor = stableFor }, ledger, ledger, clock);
    }

    /// <summary>The drop-folder settings of a folder partner (inbound, outbound, archive) resolved under the home folder.</summary>
    public DropFolderOptions FolderOptions(PartnerProfile partner)
    {
        var settings = partner.Transport?.Settings ?? new Dictionary<string, string>();
        var inbound = home.Resolve(settings.GetValueOrDefault("inbound") ?? Path.Combine("data", "dropbox", partner.Id, "in"));
        return new DropFolderOptions
        {
            InboundPath = inbound,
            OutboundPath = home.Resolve(settings.GetValueOrDefault("outbound") ?? Path.Combine("data", "dropbox", partner.Id, "out")),
            ArchivePath = home.Resolve(settings.GetValueOrDefault("archive") ?? Path.Combine(Path.GetDirectoryName(inbound)!, "archive")),
        };
    }

    private async Task SendAs2Async(PartnerProfile partner, string name, byte[] bytes, CancellationToken ct)
    {
        var options = as2Partners.For(partner)
            ?? throw new TransportException($"Partner {partner.Id}: our AS2 key pair '{partner.Transport?.As2?.OurKey}' is missing; see the onboarding queue.", TransportFailureKind.Configuration);
        var result = await as2.SendAsync(options, new As2OutboundMessage(name, "application/edi-x12", bytes), ct);
        LogAs2Sent(logger, partner.Id, result.MessageId, result.Status.ToString(), result.Attempts);
        switch (result.Status)
        {
            case As2SendStatus.Delivered or As2SendStatus.DeliveredWithWarning:
                return;
            case As2SendStatus.Rejected:
                throw new TransportException($"Partner {partner.Id} rejected AS2 message {result.MessageId}: {result.Mdn?.Disposition}", TransportFailureKind.Permanent);
            case As2SendStatus.MicMismatch:
                throw new TransportException($"Partner {partner.Id}: the MDN for AS2 message {result.MessageId} does not confirm what we sent (MIC mismatch).", TransportFailureKind.Permanent);
            default:
                throw result.Failure ?? new TransportException($"Partner {partner.Id}: AS2 message {result.MessageId} was not delivered.", TransportFailureKind.Transient);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Partner {PartnerId}: AS2 message {MessageId} ended {Status} after {Attempts} attempt(s)")]
    private static partial void LogAs2Sent(ILogger logger, string partnerId, string messageId, string status, int attempts);
}

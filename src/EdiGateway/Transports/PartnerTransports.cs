using EdiGateway.Hosting;
using EdiGateway.Partners;
using EdiGateway.Transports.Files;

namespace EdiGateway.Transports;

/// <summary>
/// Sends bytes to a partner over the transport its profile names. Drop folders write to a temporary name and
/// rename, so the partner never sees a partial file; a resend of the same step overwrites the same name.
/// </summary>
public sealed class PartnerTransports(GatewayHome home)
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
            default:
                throw new TransportException($"Partner {partner.Id}: sending over '{transport.Type}' is not configured on this gateway yet; the document stays queued.", TransportFailureKind.Configuration);
        }
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
}

namespace EdiGateway.Transports;

/// <summary>Bytes received from a partner over any transport, with what the transport knows about them.</summary>
/// <param name="Transport">"as2", "sftp", "ftp" or "folder".</param>
/// <param name="PartnerId">The appliance's partner id the endpoint was configured for.</param>
/// <param name="FileName">Sanitised file name when the transport carried one.</param>
/// <param name="ContentType">MIME type of the payload ("application/octet-stream" when unknown).</param>
/// <param name="Content">The payload bytes.</param>
/// <param name="Metadata">Transport facts: AS2 Message-ID, remote path, size, mtime, SHA-256...</param>
/// <param name="ReceivedAt">When the transport received it.</param>
public sealed record InboundMessage(
    string Transport,
    string PartnerId,
    string? FileName,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset ReceivedAt);

/// <summary>Durably stores received bytes and returns their stored id; transports acknowledge only after it returns.</summary>
public interface IInboundSink
{
    /// <summary>Stores the message durably; throws <see cref="TransportException"/> when it could not.</summary>
    ValueTask<string> StoreAsync(InboundMessage message, CancellationToken cancellationToken);
}

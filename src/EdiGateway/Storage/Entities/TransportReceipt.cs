namespace EdiGateway.Storage.Entities;

/// <summary>
/// One pickup by a transport: a remote file (endpoint, path, size, mtime) or an AS2 Message-ID, with the
/// stored document it became. The unique key makes a second pickup of the same thing a no-op.
/// </summary>
public sealed class TransportReceipt
{
    public long Id { get; set; }

    public required string PartnerId { get; init; }

    /// <summary>folder, sftp, ftp, as2.</summary>
    public required string Transport { get; init; }

    /// <summary>Remote file identity or AS2 Message-ID.</summary>
    public required string ReceiptKey { get; init; }

    public string? ContentSha256 { get; init; }

    /// <summary>What the sink returned: the lineage id of the stored transport message.</summary>
    public required string StoredId { get; init; }

    /// <summary>What was answered (the AS2 MDN), so a duplicate gets the original answer.</summary>
    public string? Reply { get; set; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

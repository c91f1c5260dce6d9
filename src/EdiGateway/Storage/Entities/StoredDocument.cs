namespace EdiGateway.Storage.Entities;

/// <summary>One immutable blob of bytes received or sent, addressed by its SHA-256; the bytes live in the document store.</summary>
public sealed class StoredDocument
{
    /// <summary>Lower-case hex SHA-256 of the content: the document's identity.</summary>
    public required string Sha256 { get; init; }

    public required long Length { get; init; }

    /// <summary>Media type as received or produced (application/edi-x12, application/json ...).</summary>
    public string? ContentType { get; init; }

    /// <summary>File name as the partner or flow gave it, for people; never used as a key.</summary>
    public string? OriginalName { get; init; }

    public required DateTimeOffset StoredAt { get; init; }
}

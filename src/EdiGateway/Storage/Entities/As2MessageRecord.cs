namespace EdiGateway.Storage.Entities;

/// <summary>
/// One inbound AS2 message by (AS2-From, AS2-To, Message-ID): claimed while it is processed, then the stored
/// id and the exact MDN, so a resend of the same message gets the original receipt and is never processed twice.
/// </summary>
public sealed class As2MessageRecord
{
    public long Id { get; set; }

    public required string PartnerId { get; init; }

    /// <summary>AS2-From of the inbound message (the partner).</summary>
    public required string SenderId { get; init; }

    /// <summary>AS2-To of the inbound message (us).</summary>
    public required string ReceiverId { get; init; }

    public required string MessageId { get; init; }

    /// <summary>claimed or completed.</summary>
    public required string State { get; set; }

    public string? StoredId { get; set; }

    public string? MdnMessageId { get; set; }

    /// <summary>MDN HTTP headers as a JSON array of [name, value] pairs.</summary>
    public string? MdnHeaders { get; set; }

    public byte[]? MdnBody { get; set; }

    public required DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

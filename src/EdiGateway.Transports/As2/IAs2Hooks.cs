namespace EdiGateway.Transports.As2;

/// <summary>Finds the agreement for an inbound message by the partner's AS2 name (AS2-From) and ours (AS2-To), case-sensitively.</summary>
public interface IAs2PartnerDirectory
{
    /// <summary>The partner profile, or null when the pair is unknown.</summary>
    As2PartnerOptions? Find(string partnerAs2Id, string localAs2Id);
}

/// <summary>Dedupe key of an inbound AS2 message (reference §1.8).</summary>
public sealed record As2MessageKey(string As2From, string As2To, string MessageId);

/// <summary>Result of claiming a Message-ID: first time, or a duplicate with the original MDN (null while still in progress).</summary>
public sealed record As2Claim(bool IsFirst, As2BuiltMdn? OriginalMdn);

/// <summary>
/// The duplicate-check hook: claims a Message-ID before the payload is processed (backed by a unique index in the
/// appliance), keeps the MDN for replays, and releases claims whose processing failed so a resend is processed.
/// </summary>
public interface IAs2MessageStore
{
    /// <summary>Claims the key atomically.</summary>
    ValueTask<As2Claim> TryClaimAsync(As2MessageKey key, CancellationToken cancellationToken);

    /// <summary>Marks the message processed: stored id and the MDN bytes to replay on duplicates.</summary>
    ValueTask CompleteAsync(As2MessageKey key, string storedId, As2BuiltMdn mdn, CancellationToken cancellationToken);

    /// <summary>Drops a claim whose processing failed (nothing stored).</summary>
    ValueTask ReleaseAsync(As2MessageKey key, CancellationToken cancellationToken);
}

/// <summary>Receives async MDNs that arrive on the AS2 endpoint; the appliance may log or correlate them durably.</summary>
public interface IAs2MdnInbox
{
    /// <summary>Hands over a receipt (not yet verified: the sender side verifies against its partner profile).</summary>
    ValueTask DeliverAsync(As2RawMdn mdn, CancellationToken cancellationToken);
}

/// <summary>An MDN as received over HTTP.</summary>
public sealed record As2RawMdn(string? OriginalMessageId, IReadOnlyList<Mime.MimeHeader> Headers, byte[] Body);

using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>The facts from an inbound message that its receipt needs.</summary>
public sealed record As2MdnRequest(
    string OriginalMessageId,
    string OriginalAs2From,
    string OriginalAs2To,
    string? Subject,
    string? Date,
    As2NotificationOptions Options,
    Uri? ReceiptDeliveryUrl);

/// <summary>A built MDN: HTTP headers (AS2 names swapped) and body, stored as-is for duplicate replays.</summary>
public sealed record As2BuiltMdn(string MessageId, IReadOnlyList<MimeHeader> Headers, byte[] Body);

/// <summary>A parsed MDN from a partner: disposition, MIC and whether its signature verified.</summary>
public sealed record As2ReceivedMdn(
    string? OriginalMessageId,
    As2Disposition? Disposition,
    string? ReceivedMic,
    string? ReceivedMicAlgorithm,
    bool Signed,
    bool SignatureValid,
    string Detail,
    string? HumanText);

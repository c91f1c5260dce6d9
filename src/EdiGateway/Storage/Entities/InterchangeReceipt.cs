namespace EdiGateway.Storage.Entities;

/// <summary>
/// The duplicate guard for inbound interchanges: a unique index on sender, receiver and ISA13 makes the
/// second arrival of the same interchange fail at insert, with no check-then-insert race.
/// </summary>
public sealed class InterchangeReceipt
{
    public long Id { get; set; }

    /// <summary>ISA05.</summary>
    public required string SenderQualifier { get; init; }

    /// <summary>ISA06, trimmed.</summary>
    public required string SenderId { get; init; }

    /// <summary>ISA07.</summary>
    public required string ReceiverQualifier { get; init; }

    /// <summary>ISA08, trimmed.</summary>
    public required string ReceiverId { get; init; }

    /// <summary>ISA13.</summary>
    public required string ControlNumber { get; init; }

    public required string DocumentSha256 { get; init; }

    public required long LineageEntryId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

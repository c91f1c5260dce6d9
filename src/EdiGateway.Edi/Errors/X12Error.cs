namespace EdiGateway.Edi.Errors;

/// <summary>Which envelope level an error belongs to; it decides which acknowledgement carries it.</summary>
public enum X12ErrorLevel
{
    /// <summary>ISA/IEA problem: reported in a TA1.</summary>
    Interchange,
    /// <summary>GS/GE problem: reported in AK9.</summary>
    Group,
    /// <summary>ST/SE or set-wide problem: reported in AK5/IK5.</summary>
    TransactionSet,
    /// <summary>Segment problem: reported in AK3/IK3.</summary>
    Segment,
    /// <summary>Element problem: reported in AK4/IK4 under an AK3/IK3.</summary>
    Element,
}

/// <summary>Errors reject; warnings are reported but leave the set accepted.</summary>
public enum X12Severity
{
    /// <summary>The set (or group, interchange) is rejected.</summary>
    Error,
    /// <summary>Noted only; does not change the acknowledgement status.</summary>
    Warning,
}

/// <summary>One problem found in partner data: a value, never an exception. JSON-serialisable.</summary>
/// <param name="Level">Envelope level the error belongs to.</param>
/// <param name="Code">Stable machine code, e.g. <c>ElementTooLong</c>.</param>
/// <param name="Message">Plain-words message naming segment, element and reason.</param>
/// <param name="Position">Where it is.</param>
/// <param name="Ack">Acknowledgement codes it maps to.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="BadData">Copy of the offending value (AK404/IK404), trimmed to 99 characters.</param>
public sealed record X12Error(
    X12ErrorLevel Level,
    string Code,
    string Message,
    X12Position Position,
    X12AckCodes Ack,
    X12Severity Severity = X12Severity.Error,
    string? BadData = null)
{
    /// <summary>Message prefixed with the position, for one-line display.</summary>
    public override string ToString()
    {
        var p = Position;
        var where = $"interchange {p.InterchangeIndex}" + (p.InterchangeControlNumber is null ? "" : $" ({p.InterchangeControlNumber})")
            + (p.GroupControlNumber is null ? "" : $", group {p.GroupControlNumber}")
            + (p.SetControlNumber is null ? "" : $", set {p.SetId} {p.SetControlNumber}")
            + (p.SegmentInFile is null ? "" : $", file segment {p.SegmentInFile}");
        return $"{Severity}: {Message} [{where}; {Code}]";
    }
}

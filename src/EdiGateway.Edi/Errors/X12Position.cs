namespace EdiGateway.Edi.Errors;

/// <summary>Where an error sits: interchange, group, set, segment, element, component, repetition.
/// Ordinals are 1-based; null means "not applicable at this level".</summary>
public sealed record X12Position
{
    /// <summary>1-based interchange index within the file.</summary>
    public int InterchangeIndex { get; init; }
    /// <summary>ISA13 interchange control number.</summary>
    public string? InterchangeControlNumber { get; init; }
    /// <summary>GS06 group control number.</summary>
    public string? GroupControlNumber { get; init; }
    /// <summary>ST01 transaction set identifier.</summary>
    public string? SetId { get; init; }
    /// <summary>ST02 transaction set control number.</summary>
    public string? SetControlNumber { get; init; }
    /// <summary>Segment ordinal within the set (ST = 1), as AK302/IK302 reports it.</summary>
    public int? SegmentInSet { get; init; }
    /// <summary>Segment ordinal within the file (the first ISA = 1).</summary>
    public long? SegmentInFile { get; init; }
    /// <summary>Byte offset of the segment start in the file.</summary>
    public long? ByteOffset { get; init; }
    /// <summary>Segment id (e.g. PO1).</summary>
    public string? SegmentId { get; init; }
    /// <summary>Loop identifier (the loop's trigger segment id), as AK303/IK303 reports it.</summary>
    public string? LoopId { get; init; }
    /// <summary>Element position within the segment (PO103 = 3).</summary>
    public int? ElementPosition { get; init; }
    /// <summary>Component position within a composite.</summary>
    public int? ComponentPosition { get; init; }
    /// <summary>Repetition ordinal within a repeating element.</summary>
    public int? RepetitionPosition { get; init; }
    /// <summary>Data element reference number (e.g. 355), as AK402/IK402 reports it.</summary>
    public string? ElementReference { get; init; }

    /// <summary>The element reference in SEGnn style (PO103), or null.</summary>
    public string? ElementName => SegmentId is not null && ElementPosition is int p
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SegmentId}{p:00}") + (ComponentPosition is int c ? "-" + c.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : "")
        : null;
}

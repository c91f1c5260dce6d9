namespace EdiGateway.Edi.Errors;

/// <summary>The acknowledgement codes one error maps to, for TA1, 997 and 999. Null where the level does not apply.</summary>
/// <param name="Ta1NoteCode">TA105 interchange note code (I18), e.g. 001 control number mismatch.</param>
/// <param name="GroupCode">AK905 functional group syntax error code (716).</param>
/// <param name="SetCode">AK502 / IK502 transaction set syntax error code (717/618).</param>
/// <param name="SegmentCode997">AK304 segment syntax error code (720).</param>
/// <param name="SegmentCode999">IK304 implementation segment syntax error code (620).</param>
/// <param name="ElementCode997">AK403 element syntax error code (723).</param>
/// <param name="ElementCode999">IK403 implementation element syntax error code (621).</param>
public sealed record X12AckCodes(
    string? Ta1NoteCode = null,
    string? GroupCode = null,
    string? SetCode = null,
    string? SegmentCode997 = null,
    string? SegmentCode999 = null,
    string? ElementCode997 = null,
    string? ElementCode999 = null);

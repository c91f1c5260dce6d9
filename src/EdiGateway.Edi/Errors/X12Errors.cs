namespace EdiGateway.Edi.Errors;

/// <summary>Factories for errors at each envelope level, so codes and messages stay consistent.</summary>
internal static class X12Errors
{
    public static X12Error Interchange(X12Position pos, string code, string ta1, string message, string? bad = null) =>
        new(X12ErrorLevel.Interchange, code, message, pos, new X12AckCodes(Ta1NoteCode: ta1), X12Severity.Error, Trim(bad));

    public static X12Error Group(X12Position pos, string code, string ak905, string message) =>
        new(X12ErrorLevel.Group, code, message, pos, new X12AckCodes(GroupCode: ak905));

    public static X12Error Set(X12Position pos, string code, string ak502, string message) =>
        new(X12ErrorLevel.TransactionSet, code, message, pos, new X12AckCodes(SetCode: ak502));

    public static X12Error Segment(X12Position pos, string code, string ak304, string ik304, string message,
        X12Severity severity = X12Severity.Error) =>
        new(X12ErrorLevel.Segment, code, message, pos,
            new X12AckCodes(SetCode: "5", SegmentCode997: ak304, SegmentCode999: ik304), severity);

    public static X12Error Element(X12Position pos, string code, string ak403, string ik403, string message, string? bad,
        X12Severity severity = X12Severity.Error) =>
        new(X12ErrorLevel.Element, code, message, pos,
            new X12AckCodes(SetCode: "5", SegmentCode997: "8", SegmentCode999: "8", ElementCode997: ak403, ElementCode999: ik403),
            severity, Trim(bad));

    public static string? Trim(string? s) => s is { Length: > 99 } ? s[..99] : s;
}

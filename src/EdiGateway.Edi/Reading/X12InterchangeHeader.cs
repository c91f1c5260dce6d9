namespace EdiGateway.Edi.Reading;

/// <summary>The ISA of one interchange, with the delimiters it declares. Carries what duplicate detection
/// needs (ISA05/06/07/08/13) and the usage indicator (ISA15).</summary>
public sealed record X12InterchangeHeader
{
    /// <summary>1-based index of the interchange in the file.</summary>
    public required int Index { get; init; }
    /// <summary>All sixteen ISA elements exactly as received (ISA01 at index 0), padding kept.</summary>
    public required IReadOnlyList<string> Elements { get; init; }
    /// <summary>Delimiters declared by this ISA.</summary>
    public required X12Delimiters Delimiters { get; init; }
    /// <summary>Byte offset of the ISA in the file.</summary>
    public long ByteOffset { get; init; }
    /// <summary>The raw ISA segment text without terminator.</summary>
    public required string Raw { get; init; }

    private string E(int i) => i <= Elements.Count ? Elements[i - 1] : "";

    /// <summary>ISA01 authorization information qualifier.</summary>
    public string AuthorizationQualifier => E(1);
    /// <summary>ISA02 authorization information.</summary>
    public string AuthorizationInformation => E(2);
    /// <summary>ISA03 security information qualifier.</summary>
    public string SecurityQualifier => E(3);
    /// <summary>ISA04 security information.</summary>
    public string SecurityInformation => E(4);
    /// <summary>ISA05 interchange sender id qualifier.</summary>
    public string SenderQualifier => E(5);
    /// <summary>ISA06 interchange sender id, trailing padding removed.</summary>
    public string SenderId => E(6).TrimEnd();
    /// <summary>ISA07 interchange receiver id qualifier.</summary>
    public string ReceiverQualifier => E(7);
    /// <summary>ISA08 interchange receiver id, trailing padding removed.</summary>
    public string ReceiverId => E(8).TrimEnd();
    /// <summary>ISA09 interchange date YYMMDD.</summary>
    public string Date => E(9);
    /// <summary>ISA10 interchange time HHMM.</summary>
    public string Time => E(10);
    /// <summary>ISA11 repetition separator (00402+) or standards identifier (U).</summary>
    public string RepetitionOrStandards => E(11);
    /// <summary>ISA12 interchange control version number, e.g. 00401, 00501.</summary>
    public string Version => E(12);
    /// <summary>ISA13 interchange control number.</summary>
    public string ControlNumber => E(13);
    /// <summary>ISA14 acknowledgment requested (1 = send a TA1).</summary>
    public string AckRequested => E(14);
    /// <summary>ISA15 usage indicator: P production, T test, I information.</summary>
    public string UsageIndicator => E(15);

    /// <summary>Key for duplicate detection: sender, receiver and control number.</summary>
    public string DuplicateKey => $"{SenderQualifier}:{SenderId}|{ReceiverQualifier}:{ReceiverId}|{ControlNumber}";
}

/// <summary>The GS of one functional group.</summary>
public sealed record X12GroupHeader
{
    /// <summary>1-based index of the group within its interchange.</summary>
    public required int Index { get; init; }
    /// <summary>GS elements as received (GS01 at index 0).</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    private string E(int i) => i <= Elements.Count ? Elements[i - 1] : "";

    /// <summary>GS01 functional identifier code (PO, IN, SH, FA...).</summary>
    public string FunctionalId => E(1);
    /// <summary>GS02 application sender code.</summary>
    public string SenderCode => E(2);
    /// <summary>GS03 application receiver code.</summary>
    public string ReceiverCode => E(3);
    /// <summary>GS04 date.</summary>
    public string Date => E(4);
    /// <summary>GS05 time.</summary>
    public string Time => E(5);
    /// <summary>GS06 group control number.</summary>
    public string ControlNumber => E(6);
    /// <summary>GS07 responsible agency code (X).</summary>
    public string Agency => E(7);
    /// <summary>GS08 version / release / industry identifier (004010, 005010X...).</summary>
    public string Version => E(8);
    /// <summary>The six-digit base version from GS08 (004010VICS -> 004010).</summary>
    public string BaseVersion => Version.Length >= 6 ? Version[..6] : Version;
}

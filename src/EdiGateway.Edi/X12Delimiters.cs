namespace EdiGateway.Edi;

/// <summary>The separators of one interchange, taken from its ISA (element = byte 4, component = ISA16,
/// segment = the byte after ISA16, repetition = ISA11 when ISA12 &gt;= 00402 and ISA11 is not alphanumeric).</summary>
/// <param name="Element">Data element separator.</param>
/// <param name="Component">Component element separator (ISA16).</param>
/// <param name="Segment">Segment terminator.</param>
/// <param name="Repetition">Repetition separator, or 0 when the interchange has none.</param>
public readonly record struct X12Delimiters(byte Element, byte Component, byte Segment, byte Repetition)
{
    /// <summary>The usual choice: <c>*</c>, <c>&gt;</c>, <c>~</c>, <c>^</c>.</summary>
    public static X12Delimiters Default => new((byte)'*', (byte)'>', (byte)'~', (byte)'^');

    /// <summary>True when the interchange declares a repetition separator.</summary>
    public bool HasRepetition => Repetition != 0;

    /// <summary>True when <paramref name="b"/> is one of the separators.</summary>
    public bool IsDelimiter(byte b) => b == Element || b == Component || b == Segment || (Repetition != 0 && b == Repetition);
}

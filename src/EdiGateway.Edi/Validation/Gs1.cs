namespace EdiGateway.Edi.Validation;

/// <summary>GS1 mod-10 check digits for SSCC-18 and GTIN-8/12/13/14.</summary>
public static class Gs1
{
    /// <summary>The check digit for <paramref name="data"/> digits (weights 3,1,3,... from the right).</summary>
    public static int CheckDigit(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var d = data[data.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - (sum % 10)) % 10;
    }

    /// <summary>True when the last digit is the correct check digit of the others.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && !digits.ContainsAnyExceptInRange('0', '9') && CheckDigit(digits[..^1]) == digits[^1] - '0';

    /// <summary>Null when <paramref name="value"/> passes <paramref name="scheme"/>; otherwise the reason in words.</summary>
    public static string? Check(string value, string scheme)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.AsSpan().ContainsAnyExceptInRange('0', '9')) return "must be digits only";
        switch (scheme)
        {
            case "SSCC18":
                var sscc = value.Length == 20 && value.StartsWith("00", StringComparison.Ordinal) ? value[2..] : value;
                if (sscc.Length != 18) return "must be an 18-digit SSCC (or 20 digits with application identifier 00)";
                return IsValid(sscc) ? null : $"fails the SSCC check digit (expected {CheckDigit(sscc.AsSpan(0, 17))})";
            default:
                int[] lengths = scheme switch { "GTIN8" => [8], "GTIN12" => [12], "GTIN13" => [13], "GTIN14" => [14], _ => [8, 12, 13, 14] };
                if (!lengths.Contains(value.Length)) return $"must be {string.Join(" or ", lengths)} digits for {scheme}";
                return IsValid(value) ? null : $"fails the GS1 check digit (expected {CheckDigit(value.AsSpan(0, value.Length - 1))})";
        }
    }

    /// <summary>Allocation-free form of <see cref="Check"/>: true exactly when <see cref="Check"/> returns null.</summary>
    internal static bool Passes(ReadOnlySpan<byte> value, string scheme)
    {
        if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        switch (scheme)
        {
            case "SSCC18":
                var sscc = value.Length == 20 && value[0] == (byte)'0' && value[1] == (byte)'0' ? value[2..] : value;
                return sscc.Length == 18 && ValidBytes(sscc);
            case "GTIN8": return value.Length == 8 && ValidBytes(value);
            case "GTIN12": return value.Length == 12 && ValidBytes(value);
            case "GTIN13": return value.Length == 13 && ValidBytes(value);
            case "GTIN14": return value.Length == 14 && ValidBytes(value);
            default: return value.Length is 8 or 12 or 13 or 14 && ValidBytes(value);
        }
    }

    private static bool ValidBytes(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var data = digits[..^1];
        for (var i = 0; i < data.Length; i++)
        {
            var d = data[data.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - (sum % 10)) % 10 == digits[^1] - '0';
    }
}

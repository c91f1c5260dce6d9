using System.Globalization;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Flows.Common;

/// <summary>SSCC-18 serial shipping container codes: build one from extension digit + GS1 company prefix + serial, and
/// check one (digits, length 18 or 20 with application identifier 00, GS1 mod-10 check digit).</summary>
public static class Sscc
{
    /// <summary>Builds the 18-digit SSCC: extension (0-9), company prefix (7-10 digits) and serial reference padded to
    /// fill 17 data digits, then the check digit. Null with a reason when the parts do not fit.</summary>
    public static string? Create(int extension, string companyPrefix, long serial, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(companyPrefix);
        reason = null;
        if (extension is < 0 or > 9) reason = "the extension digit must be 0-9";
        else if (companyPrefix.Length is < 7 or > 10 || companyPrefix.AsSpan().ContainsAnyExceptInRange('0', '9'))
            reason = "the GS1 company prefix must be 7 to 10 digits";
        else
        {
            var serialDigits = 16 - companyPrefix.Length;
            var text = serial.ToString(CultureInfo.InvariantCulture);
            if (serial < 0 || text.Length > serialDigits)
                reason = $"serial {serial} does not fit in {serialDigits} digits after a {companyPrefix.Length}-digit company prefix";
            else
            {
                var data = extension.ToString(CultureInfo.InvariantCulture) + companyPrefix + text.PadLeft(serialDigits, '0');
                return data + Gs1.CheckDigit(data).ToString(CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    /// <summary>Null when <paramref name="value"/> is a valid SSCC-18 (18 digits, or 20 with the 00 prefix); otherwise why not.</summary>
    public static string? Check(string value) => Gs1.Check(value ?? "", "SSCC18");

    /// <summary>The 18-digit SSCC of a valid 18- or 20-digit value.</summary>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 20 && value.StartsWith("00", StringComparison.Ordinal) ? value[2..] : value;
    }

    /// <summary>The MAN02 form: application identifier 00 + 18 digits.</summary>
    public static string ToMarks(string sscc) => "00" + Normalise(sscc);
}

using EdiGateway.Transports.Cms;

namespace EdiGateway.Transports.As2;

/// <summary>A parsed Disposition-Notification-Options header: signed-receipt protocol and micalg preferences.</summary>
public sealed record As2NotificationOptions(bool SignedReceiptRequested, bool SignedReceiptRequired, IReadOnlyList<string> MicAlgorithms, bool MicAlgorithmsRequired)
{
    /// <summary>No options: unsigned receipt.</summary>
    public static As2NotificationOptions None { get; } = new(false, false, [], false);

    /// <summary>Parses <c>signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256</c> tolerantly.</summary>
    public static As2NotificationOptions Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        bool signed = false, signedRequired = false, micRequired = false;
        var mics = new List<string>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim().ToLowerInvariant();
            var values = part[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length == 0)
            {
                continue;
            }

            var required = values[0].Equals("required", StringComparison.OrdinalIgnoreCase);
            var items = values.Skip(1).Select(v => v.Trim('"')).ToList();
            if (name == "signed-receipt-protocol")
            {
                signed = items.Any(i => i.Equals("pkcs7-signature", StringComparison.OrdinalIgnoreCase));
                signedRequired = required;
            }
            else if (name == "signed-receipt-micalg")
            {
                mics.AddRange(items);
                micRequired = required;
            }
        }

        return new As2NotificationOptions(signed, signedRequired, mics, micRequired);
    }

    /// <summary>The first requested micalg we support, with the partner's spelling; null when none.</summary>
    public (MicAlgorithm Algorithm, string Spelling)? FirstSupportedMic()
    {
        foreach (var m in MicAlgorithms)
        {
            if (Cms.MicAlgorithms.TryParse(m, out var a))
            {
                return (a, m);
            }
        }

        return null;
    }

    /// <summary>The header value we send.</summary>
    public static string Format(string micName) =>
        "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, " + micName;
}

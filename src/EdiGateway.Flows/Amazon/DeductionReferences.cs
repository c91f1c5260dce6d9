using System.Text.RegularExpressions;

namespace EdiGateway.Flows.Amazon;

/// <summary>Normalises Amazon's remittance references to (kind, original invoice): an exact invoice number first (so an
/// invoice that itself ends in SC is not mangled), then IPAPUS price protection, VCBSINV chargebacks, provisions,
/// SC/SCR/SCRSC shortage chains, XXXX-XXXXXXXX co-op agreements.</summary>
public static partial class DeductionReferences
{
    /// <summary>Classifies <paramref name="reference"/>; <paramref name="knownInvoices"/> are our invoice numbers.</summary>
    public static NormalisedReference Normalise(string reference, IReadOnlySet<string> knownInvoices)
    {
        ArgumentNullException.ThrowIfNull(knownInvoices);
        var r = (reference ?? "").Trim();
        if (knownInvoices.Contains(r)) return new(DeductionKind.Invoice, r, r);
        if (r.StartsWith("IPAPUS", StringComparison.OrdinalIgnoreCase)) return new(DeductionKind.PriceProtection, r, null);
        if (r.EndsWith("VCBSINV", StringComparison.OrdinalIgnoreCase)) return new(DeductionKind.Chargeback, r, null);
        if (r.Contains("PROVISION FOR RECEIVABLES", StringComparison.OrdinalIgnoreCase)) return new(DeductionKind.Provision, r, null);
        if (Shortage().Match(r) is { Success: true } m)
            return new(r.EndsWith('R') ? DeductionKind.ShortageReversal : DeductionKind.ShortageClaim, r, m.Groups["inv"].Value);
        if (Coop().IsMatch(r)) return new(DeductionKind.CoopAgreement, r, null);
        return new(DeductionKind.Unknown, r, null);
    }

    /// <summary>The code-map key (deductionNominals) of a kind.</summary>
    public static string NominalKey(DeductionKind kind) => kind switch
    {
        DeductionKind.ShortageClaim or DeductionKind.ShortageReversal => "shortage",
        DeductionKind.Chargeback => "chargeback",
        DeductionKind.PriceProtection => "priceProtection",
        DeductionKind.CoopAgreement => "coop",
        DeductionKind.Provision => "provision",
        DeductionKind.Discount => "discount",
        _ => "adjustment",
    };

    [GeneratedRegex("^(?<inv>.+?)SC(?:RSC)*R?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shortage();

    [GeneratedRegex("^[A-Z0-9]{4}-[A-Z0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Coop();
}

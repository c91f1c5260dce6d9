using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

public sealed partial record AmazonSettings
{
    /// <summary>Reads the settings from a partner profile's <c>settings</c> and <c>codeMaps</c>; unknown keys are ignored,
    /// bad values are returned as problems naming the key (the profile loader rejects the profile with them).</summary>
    public static FlowResult<AmazonSettings> FromProfile(IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? codeMaps = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<FlowProblem>();
        var s = new AmazonSettings();
        string? Get(string key) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        decimal Dec(string key, decimal fallback)
        {
            if (Get(key) is not { } v) return fallback;
            if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0) return d;
            problems.Add(new FlowProblem("BadSetting", $"settings.{key} '{v}' is not a non-negative number"));
            return fallback;
        }
        int Int(string key, int fallback)
        {
            if (Get(key) is not { } v) return fallback;
            if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
            problems.Add(new FlowProblem("BadSetting", $"settings.{key} '{v}' is not a non-negative whole number"));
            return fallback;
        }
        bool Bool(string key, bool fallback)
        {
            if (Get(key) is not { } v) return fallback;
            if (bool.TryParse(v, out var b)) return b;
            problems.Add(new FlowProblem("BadSetting", $"settings.{key} '{v}' is not true or false"));
            return fallback;
        }
        ImmutableDictionary<string, string> Columns(string prefix, ImmutableDictionary<string, string> defaults)
        {
            var b = defaults.ToBuilder();
            foreach (var (k, v) in settings)
                if (k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length && !string.IsNullOrWhiteSpace(v))
                    b[k[prefix.Length..]] = v.Trim();
            return b.ToImmutable();
        }
        ImmutableDictionary<string, string> Map(string name) =>
            codeMaps is not null && codeMaps.TryGetValue(name, out var m) ? m.ToImmutableDictionary(StringComparer.Ordinal) : ImmutableDictionary<string, string>.Empty;

        var basis = Get("casePriceBasis");
        var casePriceBasis = basis switch
        {
            null => s.CasePriceBasis,
            _ when basis.Equals("perCase", StringComparison.OrdinalIgnoreCase) => CasePriceBasis.PerCase,
            _ when basis.Equals("perEach", StringComparison.OrdinalIgnoreCase) => CasePriceBasis.PerEach,
            _ => Bad("casePriceBasis", basis, "perCase or perEach", s.CasePriceBasis),
        };
        var priority = Get("itemQualifierPriority") is { } p
            ? [.. p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : s.ItemQualifierPriority;
        var prefix = Get("orderNumberPrefix") ?? (Get("channelPrefix") is { } c ? c + "-" : s.OrderNumberPrefix);
        if (prefix.Length > 20) problems.Add(new FlowProblem("BadSetting", $"settings.orderNumberPrefix '{prefix}' is longer than 20 characters; the PO would not fit customer_document_no (30)"));
        RemitTo? remit = null;
        if (Get("remitTo.name") is { } rn)
        {
            remit = new RemitTo(rn, Get("remitTo.address1") ?? "", Get("remitTo.city") ?? "", Get("remitTo.state"), Get("remitTo.postcode") ?? "", Get("remitTo.country") ?? "");
            if (remit.Address1.Length == 0 || remit.City.Length == 0 || remit.PostalCode.Length == 0)
                problems.Add(new FlowProblem("BadSetting", "settings.remitTo needs address1, city and postcode (810 N3/N4 are mandatory)"));
        }
        int? OptInt(string key) => Get(key) is null ? null : Int(key, 0);
        decimal? OptDec(string key) => Get(key) is null ? null : Dec(key, 0);
        var terms = new PaymentTerms(Get("terms.type") ?? s.Terms.Type, Get("terms.basisDate") ?? s.Terms.BasisDate,
            OptDec("terms.discountPercent"), OptInt("terms.discountDays"), Int("terms.netDays", s.Terms.NetDays));

        s = s with
        {
            VendorCode = Get("vendorCode") ?? "",
            OrderNumberPrefix = prefix,
            PriceTolerancePercent = Dec("priceTolerancePercent", s.PriceTolerancePercent),
            CasePriceBasis = casePriceBasis,
            ItemQualifierPriority = priority,
            ItemColumns = Columns("itemColumn.", DefaultItemColumns),
            ShipToColumns = Columns("shipToColumn.", DefaultShipToColumns),
            LeadTimeDays = Int("leadTimeDays", s.LeadTimeDays),
            BackorderLeadTimeDays = Int("backorderLeadTimeDays", s.BackorderLeadTimeDays),
            PartialAsTwoAcks = Bool("partialAsTwoAcks", s.PartialAsTwoAcks),
            AckChangeWindowHours = Int("ackChangeWindowHours", s.AckChangeWindowHours),
            Currency = Get("currency") ?? s.Currency,
            RemitTo = remit,
            Terms = terms,
            BolMinLength = Int("bolMinLength", s.BolMinLength),
            Gs1CompanyPrefix = Get("gs1CompanyPrefix"),
            ArnReferenceQualifier = Get("arnReferenceQualifier"),
            ClearingBank = Get("clearingBank") ?? "",
            AdxNettedInRmr = Bool("adxNettedInRmr", s.AdxNettedInRmr),
            DeductionNominals = Map("deductionNominals"),
            AdjustmentReasons = Map("adjustmentReasons"),
            ChargeCodes = Map("invoiceCharges"),
        };
        if (s.VendorCode.Length == 0) problems.Add(new FlowProblem("MissingSetting", "settings.vendorCode is required (BOL prefix, selling party)"));
        return problems.Count == 0 ? FlowResult<AmazonSettings>.Ok(s) : FlowResult<AmazonSettings>.Fail(problems);

        T Bad<T>(string key, string value, string expected, T fallback)
        {
            problems.Add(new FlowProblem("BadSetting", $"settings.{key} '{value}' must be {expected}"));
            return fallback;
        }
    }
}

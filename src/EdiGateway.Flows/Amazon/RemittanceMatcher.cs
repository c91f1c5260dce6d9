using System.Collections.Immutable;
using EdiGateway.Flows.Common;

namespace EdiGateway.Flows.Amazon;

/// <summary>Rule 8: matches a remittance to open Sage invoices and classifies every deduction; the plan exists only when
/// paid (BPR02) = matched invoices - deductions to the penny and every line is matched and has a nominal code.</summary>
public static class RemittanceMatcher
{
    /// <summary>Matches. <paramref name="openInvoices"/> are the Sage invoices still open (number, account, posted
    /// transaction id, outstanding). Per-item netting (RMR04 = RMR05 - RMR06 + ADX01 when ADX is inside the RMR loop) follows
    /// <see cref="AmazonSettings.AdxNettedInRmr"/>.</summary>
    public static RemittanceOutcome Match(Remittance remittance, IReadOnlyList<OpenInvoice> openInvoices, AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        ArgumentNullException.ThrowIfNull(openInvoices);
        ArgumentNullException.ThrowIfNull(settings);
        var byNumber = openInvoices.GroupBy(i => i.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var known = byNumber.Keys.ToHashSet(StringComparer.Ordinal);
        var issues = ImmutableArray.CreateBuilder<FlowProblem>();
        var allocations = ImmutableArray.CreateBuilder<SageAllocationDraft>();
        var deductions = ImmutableArray.CreateBuilder<DeductionLine>();

        void Deduct(DeductionKind kind, string reference, string? original, decimal amount, string narrative)
        {
            if (amount == 0) return;
            var key = DeductionReferences.NominalKey(kind);
            if (!settings.DeductionNominals.TryGetValue(key, out var nominal) || nominal.Length == 0)
            {
                issues.Add(new("NoNominal", $"{kind} {amount} has no nominal code: add '{key}' to the deductionNominals code map", reference));
                nominal = "";
            }
            deductions.Add(new DeductionLine(kind, reference, original, amount, nominal, narrative));
        }

        void Adjustments(RemittanceItem item, string? original)
        {
            foreach (var adx in item.Adjustments)
                Deduct(Classify(adx, settings), adx.Reference ?? item.Reference, original, -adx.Amount, $"ADX {adx.ReasonCode} on {item.Reference}");
        }

        foreach (var item in remittance.Items)
        {
            var n = DeductionReferences.Normalise(item.Reference, known);
            var adxTotal = item.Adjustments.Sum(a => a.Amount);
            var discount = item.Discount ?? 0;
            switch (n.Kind)
            {
                case DeductionKind.Invoice:
                    var invoice = byNumber[n.Reference];
                    var gross = item.DocumentAmount ?? (item.Paid + discount - (settings.AdxNettedInRmr ? adxTotal : 0));
                    var expectedPaid = gross - discount + (settings.AdxNettedInRmr ? adxTotal : 0);
                    if (Money.Penny(expectedPaid) != Money.Penny(item.Paid))
                        issues.Add(new("ItemDoesNotNet", $"RMR04 {item.Paid} is not RMR05 {gross} - RMR06 {discount}{(settings.AdxNettedInRmr ? $" + ADX {adxTotal}" : "")} = {expectedPaid}", item.Reference));
                    if (gross > invoice.Outstanding)
                        issues.Add(new("OverAllocated", $"invoice {invoice.Number} has {invoice.Outstanding} outstanding in Sage but the remittance settles {gross}", item.Reference));
                    allocations.Add(new SageAllocationDraft(invoice.CustomerReference, invoice.Number, invoice.PostedTransactionId, gross));
                    Deduct(DeductionKind.Discount, item.Reference, invoice.Number, discount, $"discount taken on {invoice.Number}");
                    Adjustments(item, invoice.Number);
                    break;
                case DeductionKind.Unknown:
                    issues.Add(new("Unmatched", item.Qualifier == "IV"
                        ? $"{item.Paid} against '{item.Reference}', which is neither an open Sage invoice nor a known Amazon deduction reference"
                        : $"{item.Qualifier} '{item.Reference}' {item.Paid} is not recognised", item.Reference));
                    break;
                default:
                    Deduct(n.Kind, n.Reference, n.OriginalInvoice, -item.Paid, Narrative(n));
                    Adjustments(item, n.OriginalInvoice);
                    break;
            }
        }
        foreach (var adx in remittance.EntityAdjustments)
            Deduct(Classify(adx, settings), adx.Reference ?? remittance.TraceNumber, null, -adx.Amount, $"ADX {adx.ReasonCode} (entity level)");

        var matched = allocations.Sum(a => a.Amount);
        var deducted = deductions.Sum(d => d.Amount);
        var difference = Money.Penny(remittance.PaidAmount - (matched - deducted));
        if (difference != 0)
            issues.Add(new("DoesNotTie", $"paid {remittance.PaidAmount} but matched invoices {matched} - deductions {deducted} = {matched - deducted} (difference {difference})"));
        if (settings.ClearingBank.Length == 0) issues.Add(new("MissingSetting", "settings.clearingBank (the Sage bank receiving Amazon payments) is not set"));
        if (issues.Count > 0)
            return new RemittanceOutcome(null, new RemittanceMismatch(remittance.TraceNumber, remittance.PaidAmount, matched, deducted, difference, issues.ToImmutable()));

        var date = remittance.PaymentDate ?? DateOnly.MinValue;
        var reference = Fit(remittance.TraceNumber);
        var receipts = allocations.GroupBy(a => a.CustomerReference, StringComparer.Ordinal)
            .Select(g => new SageReceiptDraft(g.Key, settings.ClearingBank, g.Sum(a => a.Amount), date, reference, Fit("AMAZON 820")))
            .ToImmutableArray();
        return new RemittanceOutcome(new RemittancePlan(remittance.TraceNumber, remittance.PaidAmount, receipts, allocations.ToImmutable(), deductions.ToImmutable()), null);
    }

    private static DeductionKind Classify(RemittanceAdjustment adx, AmazonSettings settings) =>
        settings.AdjustmentReasons.TryGetValue(adx.ReasonCode, out var key) ? key switch
        {
            "shortage" => DeductionKind.ShortageClaim,
            "chargeback" => DeductionKind.Chargeback,
            "priceProtection" => DeductionKind.PriceProtection,
            "coop" => DeductionKind.CoopAgreement,
            "provision" => DeductionKind.Provision,
            "discount" => DeductionKind.Discount,
            _ => DeductionKind.Adjustment,
        } : DeductionKind.Adjustment;

    private static string Narrative(NormalisedReference n) => n.Kind switch
    {
        DeductionKind.ShortageClaim => $"shortage claim on {n.OriginalInvoice}",
        DeductionKind.ShortageReversal => $"shortage claim reversed on {n.OriginalInvoice}",
        DeductionKind.Chargeback => $"chargeback {n.Reference}",
        DeductionKind.PriceProtection => $"price protection {n.Reference}",
        DeductionKind.CoopAgreement => $"co-op agreement {n.Reference}",
        _ => $"{n.Kind} {n.Reference}",
    };

    private static string Fit(string s) => s.Length <= SageLimits.LedgerReference ? s : s[..SageLimits.LedgerReference];
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdiGateway.Edi.Model;
using EdiGateway.Flows.Common;
using EdiGateway.Partners;
using EdiGateway.Pipeline;
using EdiGateway.Sage;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.OData;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Flows.Amazon.Remittances;

/// <summary>
/// Amazon 820 remittance, inbound: read it, match every RMR to the open Sage invoices of the partner's accounts
/// (the shipTo cross-reference's Sage accounts) and classify every deduction (<see cref="RemittanceMatcher"/>). A
/// remittance that ties out to the penny is frozen as a plan in the remittances table, keyed (partner, TRN02), and
/// posted step by step (<see cref="RemittancePoster"/>); one that does not waits in the finance queue with the figures
/// that do not tie, and runs again when a person resubmits it. A second 820 with the same TRN02 posts nothing new.
/// </summary>
public sealed partial class RemittanceFlow(
    IDocumentStore documents,
    PartnerCatalog catalog,
    SagePosting sage,
    IConfiguration configuration,
    IDbContextFactory<GatewayDbContext> factory,
    LineageLog lineage,
    ExceptionQueue exceptions,
    TimeProvider clock,
    ILogger<RemittanceFlow> logger) : IFlowHandler
{
    public const string FlowName = "amazon-820";
    public const string Finance = "finance";
    private const string InvoiceType = "TradingAccountEntryTypeInvoice";
    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly RemittanceStore store = new(factory, clock);

    public string Flow => FlowName;

    public async Task<string> HandleAsync(TransactionSetAccepted set, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        var entry = await lineage.GetAsync(set.LineageId, ct);
        if (entry?.State != LineageStates.Accepted)
        {
            return entry?.State ?? LineageStates.Failed;
        }

        var read = Read(set.DocumentSha256);
        if (!read.IsSuccess)
        {
            return await QueueAsync(set, null, "remittance.unreadable", Severity.Error,
                $"The 820 (set {entry.TransactionSetControlNumber}) cannot be read: {string.Join("; ", read.Problems.Select(p => p.Message))}.", null, ct);
        }

        var remittance = read.Value!;
        var what = $"Amazon remittance {remittance.TraceNumber} ({Money(remittance.PaidAmount)} paid{(remittance.PaymentDate is { } d ? " " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")})";
        var partner = catalog.Current?.Partners.GetValueOrDefault(set.PartnerId);
        var loaded = partner is null ? null : AmazonSettings.FromProfile(partner.Settings, partner.CodeMaps);
        if (partner is null || loaded is null || !loaded.IsSuccess)
        {
            return await QueueAsync(set, remittance, "remittance.profile", Severity.Error,
                $"{what} cannot be matched: {(partner is null ? $"partner {set.PartnerId} has no profile in force" : "the partner profile's settings are wrong: " + string.Join("; ", loaded!.Problems.Select(p => p.Message)))}.", null, ct);
        }

        var settings = loaded.Value!;
        var connection = sage.Connection;
        if (connection is null)
        {
            if (configuration.GetValue<bool>(SageGatewayOptions.Section + ":Enabled"))
            {
                throw new SageApiException(SageErrorKind.Transient, "Sage posting is still starting; the remittance waits for it");
            }

            return await QueueAsync(set, remittance, "remittance.sage-off", Severity.Warning,
                $"{what} was recorded but not posted: Sage posting is off (Sage200:Enabled is false). Post it in Sage by hand, or turn Sage posting on and resubmit this entry.", null, ct);
        }

        var client = connection.Client;
        var record = await store.FindAsync(set.PartnerId, remittance.TraceNumber, ct);
        if (record is null)
        {
            var outcome = RemittanceMatcher.Match(remittance, await OpenInvoicesAsync(client, partner, settings, ct), settings);
            if (outcome.Mismatch is { } mismatch)
            {
                return await QueueAsync(set, remittance, "remittance.does-not-tie", Severity.Error, DoesNotTie(what, mismatch, settings), Detail(mismatch), ct);
            }

            var plan = outcome.Plan!;
            if (await SetupProblemAsync(client, plan, ct) is { } setup)
            {
                return await QueueAsync(set, remittance, "remittance.sage-setup", Severity.Error, $"{what} ties out but cannot be posted: {setup}.", null, ct);
            }

            var now = clock.GetUtcNow();
            record = await store.CreateAsync(new RemittanceRecord
            {
                PartnerId = set.PartnerId,
                TraceNumber = remittance.TraceNumber,
                LineageEntryId = set.LineageId,
                Company = connection.Scope.Company,
                State = RemittanceStore.Posting,
                Paid = remittance.PaidAmount,
                Currency = settings.Currency,
                PlanJson = JsonSerializer.Serialize(plan, PlanJson),
                CreatedAt = now,
                UpdatedAt = now,
            }, RemittancePoster.Steps(plan), ct);
            LogPlanned(logger, remittance.TraceNumber, plan.Receipts.Length, plan.Allocations.Length, plan.Deductions.Length);
        }

        if (record.State != RemittanceStore.Posted)
        {
            var plan = JsonSerializer.Deserialize<RemittancePlan>(record.PlanJson, PlanJson)!;
            var poster = new RemittancePoster(client, store, lineage, clock);
            if (await poster.PostAsync(record, plan, plan.Receipts.FirstOrDefault()?.BankCode ?? settings.ClearingBank, ct) is { } refused)
            {
                return await QueueAsync(set, remittance, "remittance.sage-refused", Severity.Error,
                    $"{what} stopped part-way: {refused}. What is already in Sage stays and is not posted again; fix the cause and resubmit this entry to post the rest.", null, ct);
            }

            LogPosted(logger, remittance.TraceNumber, record.LineageEntryId);
        }

        if (record.LineageEntryId != set.LineageId)
        {
            await lineage.SetStateAsync(set.LineageId, LineageStates.Duplicate,
                $"{what} was already posted from transaction set {record.LineageEntryId.ToString(CultureInfo.InvariantCulture)}; nothing new was posted", ct);
            return LineageStates.Duplicate;
        }

        return await lineage.TransitionAsync(set.LineageId, LineageStates.Accepted, LineageStates.Posted, ct)
            ? LineageStates.Posted
            : (await lineage.GetAsync(set.LineageId, ct))?.State ?? LineageStates.Failed;
    }

    /// <summary>The plain-words finance message: the figures, the difference, and every item that is not matched or mapped.</summary>
    public static string DoesNotTie(string what, RemittanceMismatch mismatch, AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mismatch);
        ArgumentNullException.ThrowIfNull(settings);
        var net = mismatch.MatchedInvoices - mismatch.Deductions;
        var text = $"{what} does not tie, so nothing was posted: paid {Money(mismatch.Paid)} {settings.Currency}, matched invoices {Money(mismatch.MatchedInvoices)}, deductions {Money(mismatch.Deductions)}; " +
                   $"matched invoices - deductions = {Money(net)}, a difference of {Money(mismatch.Difference)}.";
        var unmatched = mismatch.Items.Where(i => i.Code == "Unmatched").Select(i => i.Line).OfType<string>().ToList();
        if (unmatched.Count > 0)
        {
            text += $" Not matched to an open Sage invoice or a known Amazon deduction: {string.Join(", ", unmatched)}.";
        }

        var other = mismatch.Items.Where(i => i.Code is not ("Unmatched" or "DoesNotTie")).Select(i => i.Line is null ? i.Message : $"{i.Line}: {i.Message}").ToList();
        if (other.Count > 0)
        {
            text += $" Also: {string.Join("; ", other)}.";
        }

        return text;
    }

    private FlowResult<Remittance> Read(string sha256)
    {
        X12DocumentReadResult read;
        using (var stream = documents.OpenRead(sha256))
        {
            read = X12DocumentReader.Read(stream);
        }

        var set = read.Document.Interchanges.SelectMany(i => i.Groups).SelectMany(g => g.Sets).FirstOrDefault(s => s.SetId == "820");
        return set is null ? FlowResult<Remittance>.Fail("NotARemittance", "the stored document holds no 820 set") : RemittanceReader.Read(set);
    }

    /// <summary>Open invoices (outstanding above zero) of the Sage accounts in the partner's shipTo cross-reference, by ledger
    /// reference and, for SOP invoices, by SOP invoice number.</summary>
    private static async Task<IReadOnlyList<OpenInvoice>> OpenInvoicesAsync(Sage200Client client, PartnerProfile partner, AmazonSettings settings, CancellationToken ct)
    {
        var column = settings.ShipToColumns["sageAccount"];
        var accounts = partner.CrossReferences.TryGetValue("shipTo", out var table)
            ? table.Rows.Select(r => r.GetValueOrDefault(column)).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var open = new List<OpenInvoice>();
        foreach (var account in accounts)
        {
            if (await client.FindCustomerByReferenceAsync(account, ct) is not { Id: { } customerId })
            {
                continue;
            }

            var invoices = (await client.GetPostedTransactionsAsync(new ODataQuery
            {
                Filter = ODataFilter.And(ODataFilter.Eq("customer_id", customerId), ODataFilter.Eq("trader_transaction_type", InvoiceType)),
            }, ct).ToListAsync(ct)).Where(t => t.DocumentOutstandingValue > 0m).ToList();
            foreach (var t in invoices.Where(t => t.Reference is { Length: > 0 }))
            {
                open.Add(new OpenInvoice(t.Reference!, account, t.Id, t.DocumentOutstandingValue!.Value));
            }

            // An invoice posted in the desktop from a SOP order carries the order's numbers on the ledger; the SOP invoice
            // number (the one an 810 sends) is in the invoice views: pair each view with its ledger entry by order number and gross.
            var claimed = new HashSet<long>();
            await foreach (var view in client.GetInvoiceCreditViewsAsync(new ODataQuery { Filter = ODataFilter.Eq("customer_id", customerId) }, ct))
            {
                if (view.SopInvoiceCreditDocumentNo is not { Length: > 0 } number || open.Any(o => o.Number == number))
                {
                    continue;
                }

                var entry = invoices.FirstOrDefault(t => !claimed.Contains(t.Id) && t.SecondReference == view.SopOrderReturnDocumentNo &&
                                                         t.DocumentGrossValue == view.SopInvoiceCreditTotalGrossValue);
                if (entry is not null)
                {
                    claimed.Add(entry.Id);
                    open.Add(new OpenInvoice(number, account, entry.Id, entry.DocumentOutstandingValue!.Value));
                }
            }
        }

        return open;
    }

    /// <summary>The clearing bank and every deduction's nominal code must exist in Sage before anything is posted.</summary>
    private static async Task<string?> SetupProblemAsync(Sage200Client client, RemittancePlan plan, CancellationToken ct)
    {
        var problems = new List<string>();
        var banks = (await client.GetBanksAsync(ct).ToListAsync(ct)).Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var bank in plan.Receipts.Select(r => r.BankCode).Distinct(StringComparer.Ordinal).Where(b => !banks.Contains(b)))
        {
            problems.Add($"the clearing bank '{bank}' (settings.clearingBank) is not a Sage bank account");
        }

        var nominals = (await client.GetNominalCodesAsync(ct).ToListAsync(ct)).Select(n => n.Reference).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var d in plan.Deductions.Where(d => !nominals.Contains(d.NominalCode)).GroupBy(d => d.NominalCode, StringComparer.Ordinal))
        {
            problems.Add($"nominal code '{d.Key}' ({string.Join(", ", d.Select(x => DeductionReferences.NominalKey(x.Kind)).Distinct(StringComparer.Ordinal))} in deductionNominals) is not in Sage");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Detail(RemittanceMismatch m) => JsonSerializer.Serialize(new
    {
        traceNumber = m.TraceNumber,
        paid = m.Paid,
        matchedInvoices = m.MatchedInvoices,
        deductions = m.Deductions,
        difference = m.Difference,
        items = m.Items.Select(i => new { code = i.Code, reference = i.Line, message = i.Message }),
    });

    /// <summary>Queues the set for finance (once per attempt: a resubmitted entry that still fails gets a new one) and marks it queued.</summary>
    private async Task<string> QueueAsync(TransactionSetAccepted set, Remittance? remittance, string reason, Severity severity, string message, string? detail, CancellationToken ct)
    {
        int earlier;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            earlier = await db.Exceptions.CountAsync(e => e.LineageEntryId == set.LineageId && e.Queue == Finance && e.State == ExceptionState.Resubmitted, ct);
        }

        await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = Finance,
            PartnerId = set.PartnerId,
            Flow = set.Flow,
            ReasonCode = reason,
            Message = message,
            Severity = severity,
            ValueAtRisk = remittance?.PaidAmount,
            Currency = remittance is null ? null : catalog.Current?.Partners.GetValueOrDefault(set.PartnerId)?.Settings.GetValueOrDefault("currency"),
            LineageEntryId = set.LineageId,
            DocumentSha256 = set.DocumentSha256,
            DetailJson = detail,
            DeduplicationKey = string.Create(CultureInfo.InvariantCulture, $"{reason}:{set.LineageId}:{earlier}"),
            CreatedAt = default,
            UpdatedAt = default,
        }, ct);
        await lineage.SetStateAsync(set.LineageId, LineageStates.Queued, message, ct);
        LogQueued(logger, remittance?.TraceNumber ?? "?", reason);
        return LineageStates.Queued;
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "Remittance {Trace}: ties out; {Receipts} receipt(s), {Allocations} allocation(s), {Deductions} deduction(s) to post")]
    private static partial void LogPlanned(ILogger logger, string trace, int receipts, int allocations, int deductions);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Information, Message = "Remittance {Trace}: posted to Sage (set {LineageId})")]
    private static partial void LogPosted(ILogger logger, string trace, long lineageId);

    [LoggerMessage(EventId = 3803, Level = LogLevel.Warning, Message = "Remittance {Trace}: queued for finance ({Reason})")]
    private static partial void LogQueued(ILogger logger, string trace, string reason);
}

using System.Globalization;
using EdiGateway.Sage200;
using EdiGateway.Sage200.Client;
using EdiGateway.Sage200.Models;
using EdiGateway.Sage200.OData;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Flows.Amazon.Remittances;

/// <summary>One Sage write of a plan, in posting order (see <see cref="RemittancePoster.Steps"/>).</summary>
public sealed record PlannedStep(int Ordinal, string Kind, decimal Amount, string Reference, string? NominalCode, string SageReference);

/// <summary>
/// Posts a frozen <see cref="RemittancePlan"/> to Sage step by step: receipts (gross) into the clearing bank, one
/// allocation per account against the matched invoices, then one bank payment per deduction from the clearing bank to
/// its nominal code (a bank receipt when the deduction is a reversal in our favour). Sage's published API has no
/// nominal journal endpoint; a bank payment analysed to the nominal is the nearest write, and it leaves the clearing
/// bank at exactly BPR02. A step found started after a crash is looked up in Sage (by reference and its
/// <c>AMZ820 ...</c> second reference) before it is sent again.
/// </summary>
public sealed class RemittancePoster(Sage200Client sage, RemittanceStore store, LineageLog lineage, TimeProvider clock)
{
    public const string Receipt = "receipt";
    public const string Allocation = "allocation";
    public const string Deduction = "deduction";
    private const string ReceiptType = "TradingAccountEntryTypePurchasePaymentSalesReceipt";

    /// <summary>The plan's writes in order: receipts, then each account's allocation, then each deduction.</summary>
    public static IReadOnlyList<PlannedStep> Steps(RemittancePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = new List<PlannedStep>();
        foreach (var r in plan.Receipts)
        {
            steps.Add(new(steps.Count + 1, Receipt, r.ChequeValue, r.CustomerReference, null, Ref("R", steps.Count + 1)));
        }

        foreach (var r in plan.Receipts)
        {
            steps.Add(new(steps.Count + 1, Allocation, r.ChequeValue, r.CustomerReference, null, Ref("A", steps.Count + 1)));
        }

        foreach (var d in plan.Deductions)
        {
            steps.Add(new(steps.Count + 1, Deduction, d.Amount, d.Reference, d.NominalCode, Ref("D", steps.Count + 1)));
        }

        return steps;
    }

    /// <summary>Runs every step not yet done. Sage refusing data (not transient) ends with a reason; transient failures throw.</summary>
    public async Task<string?> PostAsync(RemittanceRecord record, RemittancePlan plan, string bankCode, CancellationToken ct)
    {
        var steps = await store.StepsAsync(record.Id, ct);
        var bank = (await sage.GetBanksAsync(ct).ToListAsync(ct)).FirstOrDefault(b => string.Equals(b.Code, bankCode, StringComparison.Ordinal))
            ?? throw new SageApiException(SageErrorKind.NotFound, $"the clearing bank {bankCode} is not in Sage");
        var customers = new Dictionary<string, long>(StringComparer.Ordinal);
        var date = Date(plan);
        var reference = Fit(plan.TraceNumber);
        var deductions = plan.Deductions;
        foreach (var step in steps)
        {
            if (step.State == RemittanceStore.StepDone)
            {
                continue;
            }

            try
            {
                var (urn, tran) = step.Kind switch
                {
                    Receipt => await ReceiptAsync(step, await CustomerAsync(step.Reference), bank.Id, date, reference, ct),
                    Allocation => await AllocateAsync(step, steps, plan, await CustomerAsync(step.Reference), date, ct),
                    _ => (await DeductAsync(step, deductions[step.Ordinal - 2 * plan.Receipts.Length - 1], plan.TraceNumber, bank.Id, date, reference, ct), null),
                };
                await store.DoneAsync(step.Id, urn, tran, ct);
                if (tran is not null)
                {
                    steps = await store.StepsAsync(record.Id, ct);
                }
            }
            catch (SageApiException ex) when (!ex.IsTransient)
            {
                var why = $"Sage refused the {step.Kind} {step.Ordinal} ({step.Reference}, {step.Amount.ToString("0.00", CultureInfo.InvariantCulture)}): {ex.SageMessage ?? ex.Message}";
                await store.FailedAsync(step.Id, why, ct);
                return why;
            }
            catch (SageApiException ex)
            {
                await store.FailedAsync(step.Id, ex.Message, ct);
                throw;
            }
        }

        foreach (var step in await store.StepsAsync(record.Id, ct))
        {
            await RecordLineageAsync(record, plan, step, ct);
        }

        await store.CompleteAsync(record.Id, ct);
        return null;

        async Task<long> CustomerAsync(string account)
        {
            if (!customers.TryGetValue(account, out var id))
            {
                id = (await sage.FindCustomerByReferenceAsync(account, ct))?.Id
                    ?? throw new SageApiException(SageErrorKind.NotFound, $"customer account {account} is not in Sage");
                customers[account] = id;
            }

            return id;
        }
    }

    private async Task<(string? Urn, long? Tran)> ReceiptAsync(RemittanceStep step, long customerId, long bankId, DateTimeOffset date, string reference, CancellationToken ct)
    {
        if (step.State == RemittanceStore.StepStarted && await FindReceiptAsync(customerId, reference, step.SageReference, null, ct) is { } earlier)
        {
            return (earlier.Urn?.ToString(CultureInfo.InvariantCulture), earlier.Id);
        }

        await store.StartAsync(step.Id, ct);
        var written = await sage.CreateSalesReceiptAsync(new SageSalesReceipt
        {
            CustomerId = customerId,
            BankId = bankId,
            ChequeValue = step.Amount,
            TransactionDate = date,
            Reference = reference,
            SecondReference = step.SageReference,
        }, ct);
        var urn = Written(written, step);
        var tran = await FindReceiptAsync(customerId, reference, step.SageReference, urn, ct)
            ?? throw new SageApiException(SageErrorKind.UnknownOutcome, $"receipt {urn} does not show in sales_posted_transactions yet");
        return (urn, tran.Id);
    }

    private async Task<SagePostedTransaction?> FindReceiptAsync(long customerId, string reference, string secondReference, string? urn, CancellationToken ct)
    {
        var found = await sage.GetPostedTransactionsAsync(new ODataQuery
        {
            Filter = ODataFilter.And(ODataFilter.Eq("customer_id", customerId), ODataFilter.Eq("reference", reference), ODataFilter.Eq("second_reference", secondReference)),
        }, ct).ToListAsync(ct);
        return found.FirstOrDefault(t => t.TraderTransactionType == ReceiptType && (urn is null || t.Urn?.ToString(CultureInfo.InvariantCulture) == urn));
    }

    private async Task<(string? Urn, long? Tran)> AllocateAsync(RemittanceStep step, IReadOnlyList<RemittanceStep> steps, RemittancePlan plan, long customerId, DateTimeOffset date, CancellationToken ct)
    {
        var receipt = steps.Single(s => s.Kind == Receipt && s.Reference == step.Reference);
        var receiptTran = receipt.PostedTransactionId ?? throw new InvalidOperationException($"receipt step {receipt.Ordinal} has no posted transaction");
        if (step.State == RemittanceStore.StepStarted)
        {
            var now = (await sage.GetPostedTransactionsAsync(new ODataQuery { Filter = ODataFilter.Eq("id", receiptTran) }, ct).ToListAsync(ct)).SingleOrDefault();
            if (now?.DocumentOutstandingValue == 0m)
            {
                return (null, null); // the allocation went through before the answer was lost
            }
        }

        await store.StartAsync(step.Id, ct);
        var lines = plan.Allocations.Where(a => a.CustomerReference == step.Reference)
            .Select(a => new SageAllocationLine { PostedTranId = a.PostedTransactionId, ValueToAllocate = a.Amount })
            .Append(new SageAllocationLine { PostedTranId = receiptTran, ValueToAllocate = -step.Amount })
            .ToList();
        var written = await sage.CreateSalesAllocationAsync(new SageSalesAllocation { CustomerId = customerId, AllocationDate = date, AllocationLines = lines }, ct);
        if (written.IsRefused)
        {
            throw Refused(written.Refusals, step);
        }

        return (null, null);
    }

    private async Task<string?> DeductAsync(RemittanceStep step, DeductionLine deduction, string trace, long bankId, DateTimeOffset date, string reference, CancellationToken ct)
    {
        if (step.State == RemittanceStore.StepStarted)
        {
            var earlier = await sage.GetBankPostedTransactionsAsync(new ODataQuery
            {
                Filter = ODataFilter.And(ODataFilter.Eq("bank_id", bankId), ODataFilter.Eq("reference", reference), ODataFilter.Eq("second_reference", step.SageReference)),
            }, ct).FirstOrDefaultAsync(ct);
            if (earlier is not null)
            {
                return earlier.Urn?.ToString(CultureInfo.InvariantCulture);
            }
        }

        await store.StartAsync(step.Id, ct);
        var value = Math.Abs(step.Amount);
        var posting = new SageBankPosting
        {
            BankId = bankId,
            TransactionDate = date,
            Reference = reference,
            SecondReference = step.SageReference,
            NominalAnalysisItems =
            [
                new SageBankNominalItem
                {
                    Code = step.NominalCode ?? "",
                    Narrative = Narrative(deduction, trace),
                    GrossValue = value,
                    GoodsValue = value,
                    TaxValue = 0m,
                    TransactionDate = date,
                    Reference = Fit(deduction.Reference),
                },
            ],
        };
        var written = step.Amount > 0 ? await sage.CreateBankPaymentAsync(posting, ct) : await sage.CreateBankReceiptAsync(posting, ct);
        return Written(written, step);
    }

    /// <summary>Names the Amazon reference so the deduction can be disputed from the Sage line alone.</summary>
    public static string Narrative(DeductionLine deduction, string trace)
    {
        ArgumentNullException.ThrowIfNull(deduction);
        var original = deduction.OriginalInvoice is { } inv && !deduction.Narrative.Contains(inv, StringComparison.Ordinal) ? $", invoice {inv}" : "";
        return $"Amazon {deduction.Narrative} (Amazon ref {deduction.Reference}{original}, remittance {trace})";
    }

    private async Task RecordLineageAsync(RemittanceRecord record, RemittancePlan plan, RemittanceStep step, CancellationToken ct)
    {
        var deduction = step.Kind == Deduction ? plan.Deductions[step.Ordinal - 2 * plan.Receipts.Length - 1] : null;
        var keys = new Dictionary<string, string> { ["remittanceTrace"] = record.TraceNumber, ["sageSecondReference"] = step.SageReference };
        if (step.SageUrn is { } urn)
        {
            keys["sageUrn"] = urn;
        }

        if (deduction is not null)
        {
            keys["amazonReference"] = deduction.Reference;
        }
        else
        {
            // receipts and allocations name the invoices they settle, so the lineage of an invoice reaches its remittance
            var n = 0;
            foreach (var allocation in plan.Allocations.Where(a => a.CustomerReference == step.Reference))
            {
                keys["invoice" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture)] = allocation.InvoiceNumber;
            }
        }

        await lineage.AddStepAsync(new LineageEntry
        {
            ParentId = record.LineageEntryId,
            Ordinal = step.Ordinal,
            Kind = LineageKind.ErpPosting,
            Direction = Direction.Outbound,
            PartnerId = record.PartnerId,
            Flow = RemittanceFlow.FlowName,
            State = LineageStates.Posted,
            DocumentType = step.Kind switch
            {
                Receipt => "sage200.sales-receipt",
                Allocation => "sage200.sales-allocation",
                _ => step.Amount > 0 ? "sage200.bank-payment" : "sage200.bank-receipt",
            },
            InvoiceNumber = deduction?.OriginalInvoice,
            Amount = step.Amount,
            Currency = record.Currency,
            CreatedAt = default,
            UpdatedAt = default,
        }, keys, ct);
    }

    private DateTimeOffset Date(RemittancePlan plan)
    {
        var day = plan.Receipts.Select(r => r.TransactionDate).FirstOrDefault(d => d != DateOnly.MinValue);
        if (day == default || day == DateOnly.MinValue)
        {
            day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }

        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static string Written(SageWriteResult<SageUrn> written, RemittanceStep step) =>
        written.IsRefused ? throw Refused(written.Refusals, step) : written.Value?.Urn ?? "";

    private static SageApiException Refused(IEnumerable<Sage200.Contract.SageContractViolation> refusals, RemittanceStep step) =>
        new(SageErrorKind.Validation, $"the {step.Kind} {step.Ordinal} was not sent: " + string.Join("; ", refusals.Select(r => $"{r.JsonPath} {r.Detail}")));

    private static string Ref(string kind, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"AMZ820 {kind}{ordinal}");

    private static string Fit(string s) => s.Length <= SageLimits.LedgerReference ? s : s[..SageLimits.LedgerReference];
}

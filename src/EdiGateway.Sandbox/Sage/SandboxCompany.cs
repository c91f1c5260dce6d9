using System.Text.Json.Nodes;
using EdiGateway.Sage200.Contract;
using EdiGateway.Sandbox.Storage;

namespace EdiGateway.Sandbox.Sage;

/// <summary>
/// The SANDBOX Sage 200 company: behaves like Sage for the resources the gateway uses (allocation on order entry,
/// free stock, despatch moving stock, desktop invoicing, ledger postings, allocations). Every write validates
/// the body against the published contract first and answers Sage-like 400s.
/// </summary>
public sealed partial class SandboxCompany
{
    private readonly SageStore store;
    private readonly SandboxOptions options;
    private readonly SandboxFaultInjector faults;
    private readonly TimeProvider time;

    public SandboxCompany(SageStore store, SandboxOptions options, SandboxFaultInjector faults, TimeProvider time)
    {
        this.store = store;
        this.options = options;
        this.faults = faults;
        this.time = time;
        if (store.IsEmpty)
        {
            Seed();
            store.CommitAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public SageContract Contract => SageContract.Default;

    public SageStore Store => store;

    private string Now => Json.Date(time.GetUtcNow());

    /// <summary>Fields a GET on <paramref name="template"/> may filter, order and select on (from the contract).</summary>
    public IReadOnlySet<string> FieldsOf(string template)
    {
        var response = Contract.Operation("GET", template).Response!.TrimEnd('[', ']');
        return Contract.Schemas[response].Properties.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs <paramref name="work"/> under the company gate and commits what it changed.</summary>
    public async Task<T> WriteAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await store.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                return work();
            }
            finally
            {
                await store.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            store.Gate.Release();
        }
    }

    /// <summary>Runs a read under the gate (records are mutated in place by writes).</summary>
    public async Task<T> ReadAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await store.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            store.Gate.Release();
        }
    }

    /// <summary>Refuses a body that breaks the published contract (lengths, types, required); read-only fields are ignored.</summary>
    private void Validate(string method, string path, JsonNode? body)
    {
        foreach (var v in Contract.CheckRequest(method, path, body))
        {
            if (v.Rule == "read-only")
            {
                continue;
            }

            var field = v.JsonPath[(v.JsonPath.LastIndexOf('.') + 1)..];
            throw new SageBadRequestException(v.Rule switch
            {
                "max-length" => $"The field '{field}' must be a string with a maximum length of {MaxOf(v.Detail)}. ({v.JsonPath})",
                "required" when v.JsonPath.Contains("tax_analysis_items", StringComparison.Ordinal) => $"SageNullFieldException: {field} cannot be null. ({v.JsonPath})",
                "required" => $"The field '{field}' is required. ({v.JsonPath})",
                "unknown-field" => $"Could not find a property named '{field}'. ({v.JsonPath})",
                "date-time" => $"The value of '{field}' is not a valid date-time; send yyyy-MM-ddTHH:mm:ssZ. ({v.JsonPath})",
                _ => $"The value of '{field}' is not valid: {v.Detail}. ({v.JsonPath})",
            });
        }
    }

    private static string MaxOf(string detail) => detail[(detail.LastIndexOf(' ') + 1)..];

    private JsonObject Require(string resource, long? id, string what) =>
        (id is long i ? store.Get(resource, i) : null) ?? throw new SageBadRequestException($"{what} record not found (id {id}).");
}

namespace EdiGateway.Pipeline;

/// <summary>
/// Which flow a transaction set belongs to, by partner kind and direction. A partner profile enables flows
/// by these names; a set whose flow is not enabled is not processed but queued for a person.
/// </summary>
public static class FlowCatalog
{
    private static readonly Dictionary<(string Kind, string SetId), string> Inbound = new()
    {
        [("amazon-vendor-central", "850")] = "amazon-850",
        [("amazon-vendor-central", "820")] = "amazon-820",
        [("amazon-vendor-central", "997")] = "amazon-997",
        [("warehouse-3pl", "945")] = "warehouse-945",
        [("warehouse-3pl", "944")] = "warehouse-944",
        [("warehouse-3pl", "947")] = "warehouse-947",
        [("warehouse-3pl", "846")] = "warehouse-846",
        [("warehouse-3pl", "997")] = "warehouse-997",
    };

    private static readonly Dictionary<(string Kind, string SetId), string> Outbound = new()
    {
        [("amazon-vendor-central", "855")] = "amazon-855",
        [("amazon-vendor-central", "856")] = "amazon-856",
        [("amazon-vendor-central", "810")] = "amazon-810",
        [("amazon-vendor-central", "846")] = "amazon-846",
        [("amazon-vendor-central", "997")] = "amazon-997",
        [("amazon-vendor-central", "999")] = "amazon-997",
        [("warehouse-3pl", "940")] = "warehouse-940",
        [("warehouse-3pl", "943")] = "warehouse-943",
        [("warehouse-3pl", "997")] = "warehouse-997",
        [("warehouse-3pl", "999")] = "warehouse-997",
    };

    /// <summary>The flow that receives set <paramref name="setId"/> from a partner of <paramref name="kind"/>, or null.</summary>
    public static string? InboundFlow(string kind, string setId) => Inbound.GetValueOrDefault((kind, setId));

    /// <summary>The flow that sends set <paramref name="setId"/> to a partner of <paramref name="kind"/>, or null.</summary>
    public static string? OutboundFlow(string kind, string setId) => Outbound.GetValueOrDefault((kind, setId));
}

namespace EdiGateway.Partners;

/// <summary>The YAML shape of <c>partner.yaml</c>, before validation turns it into a <see cref="PartnerProfile"/>.</summary>
internal sealed class PartnerProfileFile
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Mode { get; set; }

    public IdentifiersFile? Identifiers { get; set; }

    public List<FlowFile>? Flows { get; set; }

    public TransportFile? Transport { get; set; }

    public Dictionary<string, decimal>? Sla { get; set; }

    public Dictionary<string, Dictionary<string, string>>? CodeMaps { get; set; }

    public Dictionary<string, string>? CrossReferences { get; set; }

    public Dictionary<string, string>? Settings { get; set; }

    internal sealed class IdentifiersFile
    {
        public IdentityFile? Partner { get; set; }

        public string? PartnerGroupId { get; set; }

        public IdentityFile? Ours { get; set; }

        public string? OurGroupId { get; set; }
    }

    internal sealed class IdentityFile
    {
        public string? Qualifier { get; set; }

        public string? Id { get; set; }
    }

    internal sealed class FlowFile
    {
        public string? Flow { get; set; }

        public string? Guide { get; set; }

        public bool Enabled { get; set; } = true;
    }

    internal sealed class TransportFile
    {
        public string? Type { get; set; }

        public Dictionary<string, string>? Settings { get; set; }
    }
}

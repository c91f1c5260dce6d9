namespace EdiGateway.Partners;

/// <summary>
/// One trading partner's profile, read from <c>partners/&lt;id&gt;/partner.yaml</c>: who they are on the wire,
/// test or production, which flows are enabled with which guide, how bytes travel, SLA windows and code maps.
/// </summary>
public sealed record PartnerProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>amazon-vendor-central, warehouse-3pl, ...</summary>
    public required string Kind { get; init; }

    /// <summary>test or production; decides ISA15 and which endpoints are used.</summary>
    public required PartnerMode Mode { get; init; }

    public required PartnerIdentifiers Identifiers { get; init; }

    public IReadOnlyList<PartnerFlow> Flows { get; init; } = [];

    public PartnerTransport? Transport { get; init; }

    /// <summary>Named windows, e.g. poAcknowledgementHours: 24.</summary>
    public IReadOnlyDictionary<string, decimal> Sla { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Code maps by name: partner code -> our code (e.g. adjustmentReasons: { "01": "DAMAGED" }).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CodeMaps { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Cross-reference tables by name, each a CSV file in the partner folder.</summary>
    public IReadOnlyDictionary<string, CrossReferenceTable> CrossReferences { get; init; } =
        new Dictionary<string, CrossReferenceTable>();

    /// <summary>Free settings the flows read (vendor code, Sage company, price tolerance ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder the profile was loaded from.</summary>
    public required string Directory { get; init; }
}

/// <summary>Test or production traffic (ISA15 T or P).</summary>
public enum PartnerMode
{
    Test,
    Production,
}

/// <summary>Interchange (ISA) and group (GS) identifiers of the partner and of us when trading with them.</summary>
public sealed record PartnerIdentifiers(EdiIdentity Partner, string PartnerGroupId, EdiIdentity Ours, string OurGroupId);

/// <summary>An ISA qualifier and id pair (ISA05/06 or ISA07/08).</summary>
public sealed record EdiIdentity(string Qualifier, string Id);

/// <summary>An enabled document flow and the implementation guide its documents are validated against.</summary>
public sealed record PartnerFlow(string Flow, string Guide, bool Enabled);

/// <summary>How bytes travel to and from the partner; the settings depend on the type and are validated into <see cref="As2"/> or <see cref="Remote"/>.</summary>
public sealed record PartnerTransport(string Type, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The validated AS2 agreement (type as2).</summary>
    public As2TransportSettings? As2 { get; init; }

    /// <summary>The validated server settings (type sftp, ftp or ftps).</summary>
    public RemoteTransportSettings? Remote { get; init; }
}

/// <summary>A cross-reference table: rows of named columns from a CSV file with a header line.</summary>
public sealed record CrossReferenceTable(string Name, string File, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

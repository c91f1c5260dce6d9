namespace EdiGateway.Storage.Entities;

/// <summary>
/// The protected (Data Protection encrypted) OAuth token blob of one ERP connection, e.g. a Sage 200 company;
/// one row per token key, rewritten on every refresh because refresh tokens rotate.
/// </summary>
public sealed class ErpToken
{
    /// <summary>e.g. sage200:{site}:{company}.</summary>
    public required string TokenKey { get; set; }

    /// <summary>The encrypted blob; never logged.</summary>
    public required string ProtectedValue { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace EdiGateway.Hosting;

/// <summary>Where the appliance keeps its data and finds its partner profiles and specs (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Data folder: database (SQLite), document store, logs. Relative paths are under the home folder.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Partner profiles, one folder per partner.</summary>
    [Required]
    public string PartnersDirectory { get; set; } = "partners";

    /// <summary>X12 standards and implementation guides as data.</summary>
    [Required]
    public string SpecsDirectory { get; set; } = "edi-specs";

    /// <summary>How long a stop waits for in-flight work to finish before leaving it resumable.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}

/// <summary>Database settings (section <c>Database</c>). SQLite by default; PostgreSQL when configured.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>. Inferred as PostgreSql from a connection string with <c>Host=</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Empty for SQLite means <c>{DataDirectory}/edigateway.db</c>.</summary>
    public string? ConnectionString { get; set; }

    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>The provider actually used.</summary>
    public DatabaseProvider EffectiveProvider =>
        Provider is { Length: > 0 } p
            ? Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var parsed) ? parsed : DatabaseProvider.Unknown
            : ConnectionString?.Contains("Host=", StringComparison.OrdinalIgnoreCase) == true ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
}

/// <summary>Supported database engines.</summary>
public enum DatabaseProvider
{
    Unknown = 0,
    Sqlite = 1,
    PostgreSql = 2,
}

using Microsoft.Extensions.Options;

namespace EdiGateway.Hosting;

/// <summary>Checks that need more than attributes; every message names the setting and the problem.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        switch (options.EffectiveProvider)
        {
            case DatabaseProvider.Unknown:
                failures.Add($"Database:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql.");
                break;
            case DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(options.ConnectionString):
                failures.Add("Database:ConnectionString is required when Database:Provider is PostgreSql (e.g. Host=db;Database=edigateway;Username=edigw;Password=...).");
                break;
            case DatabaseProvider.PostgreSql:
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
                }
                catch (ArgumentException ex)
                {
                    failures.Add($"Database:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
                }

                break;
            case DatabaseProvider.Sqlite when !string.IsNullOrWhiteSpace(options.ConnectionString):
                try
                {
                    _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
                }
                catch (ArgumentException ex)
                {
                    failures.Add($"Database:ConnectionString is not a valid SQLite connection string: {ex.Message}");
                }

                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Checks the folders exist or can be created.</summary>
internal sealed class GatewayOptionsValidator(GatewayHome home) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        var data = home.Resolve(options.DataDirectory);
        try
        {
            Directory.CreateDirectory(data);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add($"Gateway:DataDirectory '{data}' cannot be created: {ex.Message}");
        }

        var partners = home.Resolve(options.PartnersDirectory);
        if (!Directory.Exists(partners))
        {
            failures.Add($"Gateway:PartnersDirectory '{partners}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

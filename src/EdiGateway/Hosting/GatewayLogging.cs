using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace EdiGateway.Hosting;

/// <summary>
/// Serilog for the appliance: a human-readable console and a rolling JSON file under <c>{data}/logs</c>.
/// Levels and overrides come from the <c>Serilog</c> configuration section. Payloads, keys and tokens are
/// never logged: log calls pass ids and counts, not document content.
/// </summary>
public static class GatewayLogging
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, string dataDirectory) =>
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.Async(a => a.File(
                new CompactJsonFormatter(),
                Path.Combine(dataDirectory, "logs", "edigw-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                fileSizeLimitBytes: 100 * 1024 * 1024,
                rollOnFileSizeLimit: true));
}

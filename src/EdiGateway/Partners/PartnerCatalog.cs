using Microsoft.Extensions.Options;
using EdiGateway.Hosting;

namespace EdiGateway.Partners;

/// <summary>
/// The partner profiles in force. Loaded at start and again when a file under <c>partners/</c> changes;
/// a refused profile is reported and the last good set of the other partners stays in force.
/// </summary>
public sealed partial class PartnerCatalog(IOptions<GatewayOptions> options, GatewayHome home, ILogger<PartnerCatalog> logger)
{
    private volatile PartnerSnapshot? current;

    /// <summary>Raised after every reload with the new snapshot.</summary>
    public event Action<PartnerSnapshot>? Changed;

    /// <summary>The latest snapshot, null until the first load.</summary>
    public PartnerSnapshot? Current => current;

    public string PartnersDirectory => home.Resolve(options.Value.PartnersDirectory);

    public string GuidesDirectory => Path.Combine(home.Resolve(options.Value.SpecsDirectory), "guides");

    /// <summary>Reads every partner folder; returns the new snapshot.</summary>
    public PartnerSnapshot Reload()
    {
        var loaded = LoadAll(PartnersDirectory, GuidesDirectory);
        var snapshot = KeepLastGood(current, loaded);
        foreach (var problem in snapshot.Problems)
        {
            LogRefused(logger, problem.File, problem.Field, problem.Reason);
        }

        LogLoaded(logger, snapshot.Partners.Count, snapshot.Problems.Count);
        current = snapshot;
        Changed?.Invoke(snapshot);
        return snapshot;
    }

    /// <summary>
    /// A partner whose profile was good and is now refused keeps its last good profile in force (and the
    /// refusal is reported), so a bad edit never stops a running partner.
    /// </summary>
    internal static PartnerSnapshot KeepLastGood(PartnerSnapshot? previous, PartnerSnapshot loaded)
    {
        if (previous is null)
        {
            return loaded;
        }

        var partners = new Dictionary<string, PartnerProfile>(loaded.Partners, StringComparer.Ordinal);
        foreach (var problem in loaded.Problems)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(problem.File));
            if (folder is not null && !partners.ContainsKey(folder) && previous.Partners.TryGetValue(folder, out var good)
                && Directory.Exists(good.Directory))
            {
                partners[folder] = good;
            }
        }

        return loaded with { Partners = partners };
    }

    /// <summary>Loads all profiles under <paramref name="partnersDirectory"/> without touching any catalog.</summary>
    public static PartnerSnapshot LoadAll(string partnersDirectory, string guidesDirectory)
    {
        var partners = new Dictionary<string, PartnerProfile>(StringComparer.Ordinal);
        var problems = new List<PartnerProblem>();
        if (Directory.Exists(partnersDirectory))
        {
            foreach (var dir in Directory.EnumerateDirectories(partnersDirectory).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(dir).StartsWith('.'))
                {
                    continue;
                }

                var result = PartnerProfileLoader.Load(dir, Directory.Exists(guidesDirectory) ? g => Directory.Exists(Path.Combine(guidesDirectory, g)) : null);
                if (result.Profile is { } profile)
                {
                    partners[profile.Id] = profile;
                }

                problems.AddRange(result.Problems);
            }
        }

        return new PartnerSnapshot(partners, problems);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Partner profile refused: {File}: {Field}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string file, string field, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Partner profiles loaded: {Count} in force, {Refused} refused")]
    private static partial void LogLoaded(ILogger logger, int count, int refused);
}

/// <summary>The partner profiles in force and the refusals from the same load.</summary>
public sealed record PartnerSnapshot(IReadOnlyDictionary<string, PartnerProfile> Partners, IReadOnlyList<PartnerProblem> Problems);

using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EdiGateway.Partners;

/// <summary>
/// Reads and validates one partner folder. Every problem names the file, the field and the reason; a profile
/// with any problem is refused as a whole and the other partners are unaffected.
/// </summary>
public static partial class PartnerProfileLoader
{
    public const string ProfileFileName = "partner.yaml";

    /// <summary>Flows the gateway knows. A profile naming another flow is refused.</summary>
    public static readonly IReadOnlySet<string> KnownFlows = new HashSet<string>(StringComparer.Ordinal)
    {
        "amazon-850", "amazon-855", "amazon-856", "amazon-810", "amazon-820", "amazon-846", "amazon-997",
        "warehouse-940", "warehouse-945", "warehouse-943", "warehouse-944", "warehouse-947", "warehouse-846", "warehouse-997",
    };

    public static readonly IReadOnlySet<string> KnownKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "amazon-vendor-central", "warehouse-3pl",
    };

    public static readonly IReadOnlySet<string> KnownTransports = new HashSet<string>(StringComparer.Ordinal)
    {
        "folder", "as2", "sftp", "ftp", "ftps",
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads the profile in <paramref name="directory"/>; <paramref name="guideExists"/> says whether a guide id is known.</summary>
    public static PartnerLoadResult Load(string directory, Func<string, bool>? guideExists = null, TimeProvider? clock = null)
    {
        var file = Path.Combine(directory, ProfileFileName);
        var problems = new List<PartnerProblem>();
        if (!File.Exists(file))
        {
            return PartnerLoadResult.Refused(new PartnerProblem(file, "(file)", $"{ProfileFileName} is missing"));
        }

        PartnerProfileFile? raw;
        try
        {
            raw = Yaml.Deserialize<PartnerProfileFile>(File.ReadAllText(file));
        }
        catch (YamlException ex)
        {
            return PartnerLoadResult.Refused(new PartnerProblem(file, $"line {ex.Start.Line}, column {ex.Start.Column}", (ex.InnerException ?? ex).Message));
        }

        if (raw is null)
        {
            return PartnerLoadResult.Refused(new PartnerProblem(file, "(file)", "the file is empty"));
        }

        void Problem(string field, string reason) => problems.Add(new PartnerProblem(file, field, reason));

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        if (string.IsNullOrWhiteSpace(raw.Id))
        {
            Problem("id", "is required");
        }
        else if (!IdPattern().IsMatch(raw.Id))
        {
            Problem("id", $"'{raw.Id}' must be lower-case letters, digits and hyphens");
        }
        else if (!string.Equals(raw.Id, folderName, StringComparison.Ordinal))
        {
            Problem("id", $"'{raw.Id}' must equal the folder name '{folderName}'");
        }

        if (string.IsNullOrWhiteSpace(raw.Name))
        {
            Problem("name", "is required");
        }

        if (raw.Kind is null || !KnownKinds.Contains(raw.Kind))
        {
            Problem("kind", $"'{raw.Kind}' is not one of {string.Join(", ", KnownKinds)}");
        }

        PartnerMode mode = PartnerMode.Test;
        if (!Enum.TryParse(raw.Mode, ignoreCase: true, out mode))
        {
            Problem("mode", $"'{raw.Mode}' must be test or production");
        }

        var identifiers = ReadIdentifiers(raw.Identifiers, Problem);
        var flows = new List<PartnerFlow>();
        foreach (var (flow, index) in (raw.Flows ?? []).Select((f, i) => (f, i)))
        {
            var field = $"flows[{index}]";
            if (flow.Flow is null || !KnownFlows.Contains(flow.Flow))
            {
                Problem($"{field}.flow", $"'{flow.Flow}' is not a known flow ({string.Join(", ", KnownFlows.Order(StringComparer.Ordinal))})");
                continue;
            }

            if (string.IsNullOrWhiteSpace(flow.Guide))
            {
                Problem($"{field}.guide", "is required");
                continue;
            }

            if (guideExists is not null && !guideExists(flow.Guide))
            {
                Problem($"{field}.guide", $"guide '{flow.Guide}' is not in edi-specs/guides");
            }

            if (flows.Any(f => f.Flow == flow.Flow))
            {
                Problem($"{field}.flow", $"'{flow.Flow}' is listed twice");
            }

            flows.Add(new PartnerFlow(flow.Flow, flow.Guide, flow.Enabled));
        }

        PartnerTransport? transport = null;
        if (raw.Transport is { } t)
        {
            if (t.Type is null || !KnownTransports.Contains(t.Type))
            {
                Problem("transport.type", $"'{t.Type}' is not one of {string.Join(", ", KnownTransports)}");
            }
            else
            {
                transport = PartnerTransportReader.Read(directory, t.Type, t.Settings ?? [], clock ?? TimeProvider.System, Problem);
            }
        }

        foreach (var (name, value) in raw.Sla ?? [])
        {
            if (value <= 0)
            {
                Problem($"sla.{name}", $"must be positive, not {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        var tables = new Dictionary<string, CrossReferenceTable>(StringComparer.Ordinal);
        foreach (var (name, relative) in raw.CrossReferences ?? [])
        {
            var table = ReadCsv(directory, name, relative, Problem);
            if (table is not null)
            {
                tables[name] = table;
            }
        }

        if (problems.Count > 0 || identifiers is null)
        {
            return new PartnerLoadResult(null, problems);
        }

        return new PartnerLoadResult(new PartnerProfile
        {
            Id = raw.Id!,
            Name = raw.Name!,
            Kind = raw.Kind!,
            Mode = mode,
            Identifiers = identifiers,
            Flows = flows,
            Transport = transport,
            Sla = raw.Sla ?? [],
            CodeMaps = (raw.CodeMaps ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value, StringComparer.Ordinal),
            CrossReferences = tables,
            Settings = raw.Settings ?? [],
            Directory = Path.GetFullPath(directory),
        }, []);
    }

    private static PartnerIdentifiers? ReadIdentifiers(PartnerProfileFile.IdentifiersFile? raw, Action<string, string> problem)
    {
        if (raw is null)
        {
            problem("identifiers", "is required (partner, partnerGroupId, ours, ourGroupId)");
            return null;
        }

        var partner = ReadIdentity(raw.Partner, "identifiers.partner", problem);
        var ours = ReadIdentity(raw.Ours, "identifiers.ours", problem);
        var partnerGroup = ReadGroupId(raw.PartnerGroupId, "identifiers.partnerGroupId", problem);
        var ourGroup = ReadGroupId(raw.OurGroupId, "identifiers.ourGroupId", problem);
        return partner is null || ours is null || partnerGroup is null || ourGroup is null
            ? null
            : new PartnerIdentifiers(partner, partnerGroup, ours, ourGroup);
    }

    private static EdiIdentity? ReadIdentity(PartnerProfileFile.IdentityFile? raw, string field, Action<string, string> problem)
    {
        if (raw is null)
        {
            problem(field, "is required (qualifier and id)");
            return null;
        }

        var ok = true;
        if (raw.Qualifier is null || raw.Qualifier.Length != 2)
        {
            problem($"{field}.qualifier", $"'{raw.Qualifier}' must be a two-character ISA qualifier such as ZZ, 01, 08, 12");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(raw.Id) || raw.Id.Length > 15)
        {
            problem($"{field}.id", $"'{raw.Id}' must be 1 to 15 characters (ISA06/ISA08)");
            ok = false;
        }

        return ok ? new EdiIdentity(raw.Qualifier!, raw.Id!.Trim()) : null;
    }

    private static string? ReadGroupId(string? value, string field, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 15)
        {
            problem(field, $"'{value}' must be 2 to 15 characters (GS02/GS03)");
            return null;
        }

        return value;
    }

    private static CrossReferenceTable? ReadCsv(string directory, string name, string relative, Action<string, string> problem)
    {
        var field = $"crossReferences.{name}";
        var path = Path.GetFullPath(Path.Combine(directory, relative));
        if (!path.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal))
        {
            problem(field, $"'{relative}' must stay inside the partner folder");
            return null;
        }

        if (!File.Exists(path))
        {
            problem(field, $"file '{relative}' does not exist");
            return null;
        }

        try
        {
            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                problem(field, $"'{relative}' has no header line");
                return null;
            }

            var rows = new List<IReadOnlyDictionary<string, string>>();
            while (csv.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    row[header[i]] = csv.GetField(i) ?? string.Empty;
                }

                rows.Add(row);
            }

            return new CrossReferenceTable(name, relative, header, rows);
        }
        catch (CsvHelperException ex)
        {
            problem(field, $"'{relative}' line {ex.Context?.Parser?.Row}: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}

/// <summary>A loaded profile, or the reasons it was refused.</summary>
public sealed record PartnerLoadResult(PartnerProfile? Profile, IReadOnlyList<PartnerProblem> Problems)
{
    public static PartnerLoadResult Refused(PartnerProblem problem) => new(null, [problem]);
}

/// <summary>Why a profile was refused: the file, the field and the reason.</summary>
public sealed record PartnerProblem(string File, string Field, string Reason)
{
    public override string ToString() => $"{File}: {Field}: {Reason}";
}

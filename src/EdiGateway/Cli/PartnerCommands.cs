using System.CommandLine;
using EdiGateway.Partners;

namespace EdiGateway.Cli;

/// <summary><c>edigw partner list|validate</c>: the profiles in force; check a profile folder before deploying it.</summary>
internal static class PartnerCommands
{
    private static readonly Argument<DirectoryInfo?> Dir = new("dir")
    {
        Description = "A partner folder, or a folder of partner folders (default: the configured partners folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create()
    {
        var partner = new Command("partner", "Partner profile tools");
        var list = new Command("list", "List the partner profiles that load, and the ones refused with their reasons");
        list.SetAction(result => CliSupport.GuardAsync(result, () =>
        {
            var (partners, guides) = Folders(result);
            var snapshot = PartnerCatalog.LoadAll(partners, guides);
            var output = result.InvocationConfiguration.Output;
            foreach (var p in snapshot.Partners.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                var flows = string.Join(",", p.Flows.Where(f => f.Enabled).Select(f => f.Flow));
                output.WriteLine($"{p.Id,-24} {p.Kind,-22} {p.Mode.ToString().ToLowerInvariant(),-10} {p.Identifiers.Partner.Qualifier}/{p.Identifiers.Partner.Id,-15} {flows}");
            }

            foreach (var problem in snapshot.Problems)
            {
                result.InvocationConfiguration.Error.WriteLine($"refused: {problem}");
            }

            return Task.FromResult(snapshot.Problems.Count == 0 ? 0 : 1);
        }));
        var validate = new Command("validate", "Validate partner profiles; exit 0 if all are valid, 1 if any is refused");
        validate.Arguments.Add(Dir);
        validate.SetAction(result => CliSupport.GuardAsync(result, () =>
        {
            var (partners, guides) = Folders(result);
            var dir = result.GetValue(Dir)?.FullName ?? partners;
            if (!Directory.Exists(dir))
            {
                result.InvocationConfiguration.Error.WriteLine($"edigw: {dir}: no such folder");
                return Task.FromResult(2);
            }

            Func<string, bool>? guideExists = Directory.Exists(guides) ? g => Directory.Exists(Path.Combine(guides, g)) : null;
            var results = File.Exists(Path.Combine(dir, PartnerProfileLoader.ProfileFileName))
                ? [PartnerProfileLoader.Load(dir, guideExists)]
                : Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).Select(d => PartnerProfileLoader.Load(d, guideExists)).ToList();
            var output = result.InvocationConfiguration.Output;
            foreach (var r in results)
            {
                if (r.Profile is { } p)
                {
                    output.WriteLine($"valid:   {p.Id} ({p.Directory})");
                }

                foreach (var problem in r.Problems)
                {
                    output.WriteLine($"invalid: {problem}");
                }
            }

            return Task.FromResult(results.All(r => r.Problems.Count == 0) ? 0 : 1);
        }));
        partner.Subcommands.Add(list);
        partner.Subcommands.Add(validate);
        return partner;
    }

    private static (string Partners, string Guides) Folders(ParseResult result)
    {
        var (home, options) = CliSupport.ReadGatewayOptions(result);
        return (home.Resolve(options.PartnersDirectory), Path.Combine(home.Resolve(options.SpecsDirectory), "guides"));
    }
}

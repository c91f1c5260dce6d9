using System.CommandLine;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;
using EdiGateway.Partners;
using EdiGateway.Pipeline;

namespace EdiGateway.Cli;

/// <summary>
/// <c>edigw x12 validate|ack|to-json|from-json|split</c>: the engine as an operator tool. Exit codes:
/// 0 valid (or done), 1 invalid, 2 unreadable input or bad usage.
/// </summary>
internal static class X12Commands
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "An X12 file (or JSON for from-json)" };

    private static readonly Option<string?> Guide = new("--guide")
    {
        Description = "Implementation guide id under edi-specs/guides (default: the guide of the partner the envelope identifies, else the bare standard)",
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print the errors as JSON" };

    private static readonly Option<DirectoryInfo> Out = new("--out") { Description = "Folder for the split interchanges", Required = true };

    public static Command Create()
    {
        var x12 = new Command("x12", "X12 tools: validate, acknowledge, convert and split files");
        x12.Subcommands.Add(Validate());
        x12.Subcommands.Add(Ack());
        x12.Subcommands.Add(ToJson());
        x12.Subcommands.Add(FromJson());
        x12.Subcommands.Add(Split());
        return x12;
    }

    private static Command Validate()
    {
        var command = new Command("validate", "Validate a file against the standard and a guide; errors one per line (position, code, message)") { File };
        command.Options.Add(Guide);
        command.Options.Add(Json);
        command.SetAction(result => Run(result, (engine, input, output) =>
        {
            var report = engine.Validate(input);
            if (result.GetValue(Json))
            {
                output.WriteLine(X12ReportJson.Serialize(report));
            }
            else
            {
                foreach (var error in report.AllErrors)
                {
                    output.WriteLine(Line(error));
                }

                var errors = report.AllErrors.Count(e => e.Severity == X12Severity.Error);
                var warnings = report.AllErrors.Count(e => e.Severity == X12Severity.Warning);
                output.WriteLine($"{(report.IsValid ? "valid" : "invalid")}: {report.Interchanges.Length} interchange(s), {report.SetCount} set(s), {errors} error(s), {warnings} warning(s)");
            }

            return report.IsValid ? 0 : 1;
        }));
        return command;
    }

    private static Command Ack()
    {
        var command = new Command("ack", "Print the 997/999 (and TA1) this file should get") { File };
        command.Options.Add(Guide);
        command.SetAction(result => Run(result, (engine, input, output) =>
        {
            var text = engine.Acknowledge(input, TimeProvider.System, new SequentialControlNumbers());
            output.Write(text);
            return 0;
        }));
        return command;
    }

    private static Command ToJson()
    {
        var command = new Command("to-json", "Print the file as a lossless JSON tree (from-json gives the same bytes back)") { File };
        command.SetAction(result => Run(result, (engine, input, output) =>
        {
            var (json, errors) = engine.ToJson(input);
            output.WriteLine(json);
            foreach (var error in errors)
            {
                result.InvocationConfiguration.Error.WriteLine(Line(error));
            }

            return 0;
        }));
        return command;
    }

    private static Command FromJson()
    {
        var command = new Command("from-json", "Print X12 from a JSON tree written by to-json") { File };
        command.SetAction(result =>
        {
            var file = result.GetValue(File)!;
            if (!file.Exists)
            {
                result.InvocationConfiguration.Error.WriteLine($"edigw: {file.FullName}: no such file");
                return 2;
            }

            try
            {
                result.InvocationConfiguration.Output.Write(X12Engine.FromJson(System.IO.File.ReadAllText(file.FullName)));
                return 0;
            }
            catch (FormatException ex)
            {
                result.InvocationConfiguration.Error.WriteLine($"edigw: {file.FullName}: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Split()
    {
        var command = new Command("split", "Write one interchange per transaction set, envelopes intact") { File };
        command.Options.Add(Out);
        command.SetAction(result => Run(result, (engine, input, output) =>
        {
            var dir = result.GetValue(Out)!;
            dir.Create();
            var count = 0;
            foreach (var part in engine.Split(input))
            {
                count++;
                var name = $"{count:D5}-{part.SetId}-{part.InterchangeControlNumber}-{part.ControlNumber}.edi";
                System.IO.File.WriteAllBytes(Path.Combine(dir.FullName, name), part.Content);
            }

            output.WriteLine($"{count} interchange(s) written to {dir.FullName}");
            return 0;
        }));
        return command;
    }

    private static int Run(ParseResult result, Func<X12Engine, Stream, TextWriter, int> action)
    {
        var file = result.GetValue(File)!;
        var error = result.InvocationConfiguration.Error;
        if (!file.Exists)
        {
            error.WriteLine($"edigw: {file.FullName}: no such file");
            return 2;
        }

        var (specs, partners) = Load(result);
        if (!Directory.Exists(specs))
        {
            error.WriteLine($"edigw: no edi-specs folder at {specs} (setting Gateway:SpecsDirectory)");
            return 2;
        }

        var guide = result.GetResult(Guide) is null ? null : result.GetValue(Guide);
        var directory = new PartnerDirectory(partners);
        var validation = new X12ValidationOptions
        {
            GuideSelector = guide is not null ? _ => guide : set => directory.Identify(set.Interchange) is { } p ? PartnerDirectory.GuideFor(p, set.SetId) : null,
        };
        var (engine, loaded) = X12Engine.Load(specs, validation, ProgressReporter.For(file, error), Environment.ProcessorCount);
        foreach (var problem in loaded.Errors)
        {
            error.WriteLine($"edigw: spec problem: {problem}");
        }

        if (guide is not null && !loaded.Library.Guides.ContainsKey(guide))
        {
            error.WriteLine($"edigw: guide '{guide}' is not in {Path.Combine(specs, "guides")} (known: {string.Join(", ", loaded.Library.Guides.Keys.Order(StringComparer.Ordinal))})");
            return 2;
        }

        try
        {
            using var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return action(engine, input, result.InvocationConfiguration.Output);
        }
        catch (IOException ex)
        {
            error.WriteLine($"edigw: {file.FullName}: {ex.Message}");
            return 2;
        }
        finally
        {
            ProgressReporter.Done(error);
        }
    }

    private static (string Specs, PartnerCatalog Partners) Load(ParseResult result)
    {
        var (home, options) = CliSupport.ReadGatewayOptions(result);
        var catalog = new PartnerCatalog(Microsoft.Extensions.Options.Options.Create(options), home, Microsoft.Extensions.Logging.Abstractions.NullLogger<PartnerCatalog>.Instance);
        catalog.Reload();
        return (home.Resolve(options.SpecsDirectory), catalog);
    }

    /// <summary>One error per line: where, code, message.</summary>
    private static string Line(X12Error e)
    {
        var p = e.Position;
        var where = p.SegmentInFile is { } seg ? $"segment {seg}" : $"interchange {p.InterchangeIndex}";
        var element = p.ElementPosition is { } el ? $"{p.SegmentId}{el:D2}" + (p.ComponentPosition is { } c ? $"-{c}" : string.Empty) : p.SegmentId ?? "-";
        return $"{where}\t{element}\t{e.Severity.ToString().ToLowerInvariant()}\t{e.Code}\t{e.Message}";
    }
}

/// <summary>Progress for large inputs when stderr is a terminal: "312 MB of 1024 MB (30%)".</summary>
internal static class ProgressReporter
{
    private const long Threshold = 64L << 20;
    private static bool shown;

    public static X12ReaderOptions For(FileInfo file, TextWriter error)
    {
        if (file.Length < Threshold || Console.IsErrorRedirected)
        {
            return new X12ReaderOptions();
        }

        var total = file.Length;
        return new X12ReaderOptions
        {
            Progress = bytes =>
            {
                shown = true;
                error.Write($"\r{bytes >> 20} MB of {total >> 20} MB ({bytes * 100 / total}%)   ");
            },
        };
    }

    public static void Done(TextWriter error)
    {
        if (shown)
        {
            error.WriteLine();
        }
    }
}

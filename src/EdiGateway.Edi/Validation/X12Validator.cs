using System.Collections.Immutable;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>Options of the validator: which guide applies to a set, and where named rules come from.</summary>
public sealed record X12ValidationOptions
{
    /// <summary>Guide id for every set (null = bare standard). Ignored when <see cref="GuideSelector"/> is set.</summary>
    public string? GuideId { get; init; }
    /// <summary>Chooses the guide per set (e.g. from ISA06 sender), or null for the bare standard.</summary>
    public Func<X12RawSet, string?>? GuideSelector { get; init; }
    /// <summary>Implementations of named rules; defaults to the built-in rules (<see cref="X12RuleRegistry.Default"/>).</summary>
    public X12RuleRegistry Rules { get; init; } = X12RuleRegistry.Default;
    /// <summary>Report trailing empty elements (N3*ADDR*~) as warnings.</summary>
    public bool WarnOnTrailingSeparators { get; init; } = true;
}

/// <summary>Validates transaction sets against the effective schema: structure and loops, HL hierarchy, element types,
/// lengths, codes, syntax notes, guide overlays and guide rules. One instance may be shared across threads.</summary>
public sealed class X12Validator
{
    private readonly SpecLibrary _library;
    private readonly X12ValidationOptions _options;

    /// <summary>Creates a validator over a loaded library.</summary>
    public X12Validator(SpecLibrary library, X12ValidationOptions? options = null)
    {
        _library = library ?? throw new ArgumentNullException(nameof(library));
        _options = options ?? new X12ValidationOptions();
    }

    /// <summary>The library in use.</summary>
    public SpecLibrary Library => _library;

    /// <summary>True when the group's GS08 maps to a loaded version.</summary>
    public bool SupportsVersion(string gs08) => _library.ResolveVersion(gs08) is not null;

    /// <summary>Validates one set; envelope errors from the reader are included in the result.</summary>
    public X12SetResult Validate(X12RawSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var guideId = _options.GuideSelector is { } sel ? sel(set) : _options.GuideId;
        // Reuse one error list per thread (a set usually has none); a re-entrant call gets its own.
        var pooled = !t_errorsBusy;
        var errors = pooled ? t_errors ??= [] : [];
        if (pooled) t_errorsBusy = true;
        try
        {
            errors.Clear();
            foreach (var e in set.EnvelopeErrors) errors.Add(e);
            return ValidateInto(set, guideId, errors);
        }
        finally
        {
            if (pooled)
            {
                errors.Clear();
                if (errors.Capacity > 4096) t_errors = null;
                t_errorsBusy = false;
            }
        }
    }

    private sealed record LastSchema(string? GuideId, string SetId, string Gs08, EffectiveSet? Schema);

    private LastSchema? _last;

    [ThreadStatic] private static List<X12Error>? t_errors;
    [ThreadStatic] private static bool t_errorsBusy;

    private X12SetResult ValidateInto(X12RawSet set, string? guideId, List<X12Error> errors)
    {
        // Consecutive sets nearly always share (guide, ST01, GS08): compare three short strings instead of hashing them.
        var gs08 = set.Group.Version;
        var last = _last;
        EffectiveSet? schema;
        if (last is not null && string.Equals(last.SetId, set.SetId, StringComparison.Ordinal)
            && string.Equals(last.Gs08, gs08, StringComparison.Ordinal) && string.Equals(last.GuideId, guideId, StringComparison.Ordinal))
            schema = last.Schema;
        else
        {
            schema = _library.GetEffectiveSet(guideId, set.SetId, gs08);
            _last = new LastSchema(guideId, set.SetId, gs08, schema);
        }
        if (schema is null)
        {
            var version = _library.ResolveVersion(set.Group.Version);
            errors.Add(X12Errors.Set(set.Position() with { SegmentId = "ST", ElementPosition = 1 }, "SetNotSupported", "1",
                version is null
                    ? $"Transaction set {set.SetId} cannot be checked: version '{set.Group.Version}' (GS08) has no definitions in edi-specs/x12"
                    : $"Transaction set {set.SetId} is not defined for version {version.Version} (no edi-specs/x12/{version.Version}/sets/{set.SetId}.json)"));
        }
        else
        {
            if (set.Group.FunctionalId.Length > 0 && schema.Set.FunctionalGroup.Length > 0 && set.Group.FunctionalId != schema.Set.FunctionalGroup)
                errors.Add(X12Errors.Set(set.Position() with { SegmentId = "ST", ElementPosition = 1 }, "WrongFunctionalGroup", "6",
                    $"Transaction set {set.SetId} belongs in a functional group {schema.Set.FunctionalGroup}, but GS01 is '{set.Group.FunctionalId}'"));
            new SetValidation(set, schema, _options, errors).Run();
        }
        return new X12SetResult(set.SetId, set.ControlNumber, set.ImplementationReference, set.IndexInGroup,
            schema?.Guide?.Id, errors.Count == 0 ? ImmutableArray<X12Error>.Empty : [.. errors]);
    }
}

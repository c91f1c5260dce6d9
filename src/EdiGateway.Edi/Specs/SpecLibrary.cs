using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace EdiGateway.Edi.Specs;

/// <summary>What <see cref="SpecLoader.LoadFolder"/> returns: the library and every problem found in the files.</summary>
public sealed record SpecLoadResult(SpecLibrary Library, ImmutableArray<SpecLoadError> Errors);

/// <summary>Loaded standards (by version) and guides (by id); hands out compiled effective schemas per
/// (guide, set, version), cached. Thread-safe for readers.</summary>
public sealed class SpecLibrary
{
    private readonly ConcurrentDictionary<(string?, string, string), EffectiveSet?> _cache = new();

    /// <summary>Creates a library from loaded parts.</summary>
    public SpecLibrary(IReadOnlyDictionary<string, VersionSpec> versions, IReadOnlyDictionary<string, GuideSpec> guides)
    {
        Versions = versions;
        Guides = guides;
    }

    /// <summary>Standards by six-digit version (004010, 005010).</summary>
    public IReadOnlyDictionary<string, VersionSpec> Versions { get; }

    /// <summary>Guides by id.</summary>
    public IReadOnlyDictionary<string, GuideSpec> Guides { get; }

    /// <summary>The version folder for a GS08 value: exact match first, then by six-digit prefix (004010VICS -> 004010).</summary>
    public VersionSpec? ResolveVersion(string gs08)
    {
        ArgumentNullException.ThrowIfNull(gs08);
        if (Versions.TryGetValue(gs08, out var v)) return v;
        return gs08.Length >= 6 && Versions.TryGetValue(gs08[..6], out v) ? v : null;
    }

    /// <summary>The effective schema (standard + guide overlay) for a set, or null when the version or set is unknown.</summary>
    public EffectiveSet? GetEffectiveSet(string? guideId, string setId, string gs08)
    {
        ArgumentNullException.ThrowIfNull(gs08);
        if (_byGs08.TryGetValue((guideId, setId, gs08), out var hit)) return hit;
        var result = Compile(guideId, setId, gs08);
        _byGs08.TryAdd((guideId, setId, gs08), result);
        return result;
    }

    private readonly ConcurrentDictionary<(string?, string, string), EffectiveSet?> _byGs08 = new();

    private EffectiveSet? Compile(string? guideId, string setId, string gs08)
    {
        var version = ResolveVersion(gs08);
        if (version is null) return null;
        return _cache.GetOrAdd((guideId, setId, version.Version), key =>
        {
            if (!version.Sets.TryGetValue(key.Item2, out var set)) return null;
            GuideSpec? guide = null;
            if (key.Item1 is not null) Guides.TryGetValue(key.Item1, out guide);
            return EffectiveSet.Compile(version, set, guide, guide?.Find(set.Id, version.Version));
        });
    }
}

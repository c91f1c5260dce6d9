namespace EdiGateway.Edi.Specs;

/// <summary>Lookup tables derived once from the compiled schema for the validator's hot path.</summary>
public sealed partial class EffectiveSet
{
    private bool[]?[]? _hlTable;
    private bool _hlTableBuilt;

    /// <summary>HL03 one-character level code -> allowed parent level bytes (index 128 = top level), from
    /// <see cref="SetSpec.HlLevels"/>; null when the set has no level rules. Multi-character codes are absent.</summary>
    internal bool[]?[]? HlTable
    {
        get
        {
            if (Volatile.Read(ref _hlTableBuilt)) return _hlTable;
            if (Set.HlLevels is { } levels)
            {
                var table = new bool[]?[128];
                foreach (var (code, parents) in levels)
                {
                    if (code.Length != 1 || code[0] >= 128) continue;
                    var allowed = new bool[129];
                    foreach (var p in parents)
                    {
                        if (p is null) allowed[128] = true;
                        else if (p.Length == 1 && p[0] < 128) allowed[p[0]] = true;
                    }
                    table[code[0]] = allowed;
                }
                _hlTable = table;
            }
            Volatile.Write(ref _hlTableBuilt, true);
            return _hlTable;
        }
    }
    /// <summary>The guide rules resolved against this structure once (segment masks, parsed terms), for the validator.</summary>
    internal CompiledRules CompiledRules => _compiledRules ??= CompiledRules.Build(this);
}

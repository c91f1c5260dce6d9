using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;

namespace EdiGateway.Edi.Validation;

/// <summary>A guide rule implemented in code, looked up by the name a guide's <c>named</c> rule gives.</summary>
public interface IX12NamedRule
{
    /// <summary>The rule's name, e.g. <c>amazon.asn.bolFormat</c>.</summary>
    string Name { get; }

    /// <summary>Checks one set; adds errors through <paramref name="context"/>.</summary>
    void Check(X12RuleContext context);
}

/// <summary>What a named rule sees: the set, its schema, the loop address of every segment, and a way to report.</summary>
public sealed class X12RuleContext
{
    private readonly List<X12Error> _errors;
    private readonly EffectiveNode?[] _nodes;

    internal X12RuleContext(X12RawSet set, EffectiveSet schema, EffectiveNode?[] nodes, List<X12Error> errors)
    {
        Set = set;
        Schema = schema;
        _nodes = nodes;
        _errors = errors;
    }

    /// <summary>The set being validated.</summary>
    public X12RawSet Set { get; }

    /// <summary>The effective schema.</summary>
    public EffectiveSet Schema { get; }

    /// <summary>Loop address of segment <paramref name="index"/> (e.g. HL/MAN), or null when it was out of place.</summary>
    public string? PathOf(int index) => index >= 0 && index < Set.SegmentCount ? _nodes[index]?.Path : null;

    /// <summary>Reports an element-level error on segment <paramref name="index"/>, element <paramref name="position"/>.</summary>
    public void ReportElement(int index, int position, string code, string message, string? badData = null, X12Severity severity = X12Severity.Error) =>
        _errors.Add(X12Errors.Element(Set.Position(index) with { ElementPosition = position }, code, "7", "I12", message, badData, severity));

    /// <summary>Reports a segment-level error on segment <paramref name="index"/>.</summary>
    public void ReportSegment(int index, string code, string message, X12Severity severity = X12Severity.Error) =>
        _errors.Add(X12Errors.Segment(Set.Position(index), code, "8", "8", message, severity));
}

/// <summary>Registry of named rules. Callers register implementations; guides refer to them by name.</summary>
public sealed class X12RuleRegistry
{
    private readonly Dictionary<string, IX12NamedRule> _rules = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) a rule.</summary>
    public X12RuleRegistry Register(IX12NamedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules[rule.Name] = rule;
        return this;
    }

    /// <summary>Finds a rule by name.</summary>
    public IX12NamedRule? Find(string name) => _rules.GetValueOrDefault(name);

    /// <summary>Names registered.</summary>
    public IReadOnlyCollection<string> Names => _rules.Keys;

    /// <summary>A new registry holding the engine's built-in rules (<see cref="WithBuiltInRules"/>); each call returns a
    /// fresh instance, so registering more on it does not affect other callers.</summary>
    public static X12RuleRegistry Default => new X12RuleRegistry().WithBuiltInRules();

    /// <summary>Registers the built-in rules (the generic 3PL guide's <c>3pl.*</c> rules that need nothing beyond the set
    /// itself) and returns this registry. Rules that need a partner profile or earlier documents are not built in.</summary>
    public X12RuleRegistry WithBuiltInRules()
    {
        foreach (var rule in Rules.BuiltInRules.All) Register(rule);
        return this;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

/// <summary>Recursive-descent parser of the $filter subset into a predicate over a JSON record.</summary>
internal sealed class FilterParser(string text, IReadOnlySet<string> fields)
{
    private int pos;

    public Func<JsonObject, bool> Parse()
    {
        var p = ParseOr();
        SkipWs();
        return pos < text.Length ? throw Bad($"unexpected '{text[pos..]}'") : p;
    }

    private Func<JsonObject, bool> ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            var l = left;
            var r = ParseAnd();
            left = o => l(o) || r(o);
        }

        return left;
    }

    private Func<JsonObject, bool> ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("and"))
        {
            var l = left;
            var r = ParseUnary();
            left = o => l(o) && r(o);
        }

        return left;
    }

    private Func<JsonObject, bool> ParseUnary()
    {
        if (TryKeyword("not"))
        {
            var inner = ParseUnary();
            return o => !inner(o);
        }

        SkipWs();
        if (Peek('('))
        {
            pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        var ident = Identifier();
        SkipWs();
        if (Peek('('))
        {
            pos++;
            var field = Field(Identifier());
            Expect(',');
            var arg = Literal() as string ?? throw Bad($"{ident} needs a string");
            Expect(')');
            return ident switch
            {
                "contains" => o => Str(o, field)?.Contains(arg, StringComparison.OrdinalIgnoreCase) == true,
                "startswith" => o => Str(o, field)?.StartsWith(arg, StringComparison.OrdinalIgnoreCase) == true,
                "endswith" => o => Str(o, field)?.EndsWith(arg, StringComparison.OrdinalIgnoreCase) == true,
                _ => throw Bad($"unknown function {ident}"),
            };
        }

        var name = Field(ident);
        var op = Identifier();
        var value = Literal();
        return op switch
        {
            "eq" => o => Compare(o[name], value) == 0,
            "ne" => o => Compare(o[name], value) != 0,
            "gt" => o => Compare(o[name], value) > 0,
            "ge" => o => Compare(o[name], value) >= 0,
            "lt" => o => Compare(o[name], value) < 0,
            "le" => o => Compare(o[name], value) <= 0,
            _ => throw Bad($"unknown operator {op}"),
        };
    }

    private string Field(string name) => fields.Contains(name) ? name : throw Bad($"Could not find a property named '{name}'");

    private static string? Str(JsonObject o, string field) => o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Compare(JsonNode? node, object? literal)
    {
        var left = ODataEvaluator.Comparable(node);
        if (left is null || literal is null)
        {
            return left is null && literal is null ? 0 : left is null ? -1 : 1;
        }

        return (left, literal) switch
        {
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (decimal a, decimal b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (string a, decimal b) => string.CompareOrdinal(a, b.ToString(CultureInfo.InvariantCulture)),
            _ => throw new SageBadRequestException("The types of the $filter operands do not match."),
        };
    }

    private object? Literal()
    {
        SkipWs();
        if (Peek('\''))
        {
            pos++;
            var sb = new System.Text.StringBuilder();
            while (true)
            {
                if (pos >= text.Length)
                {
                    throw Bad("unterminated string");
                }

                if (text[pos] == '\'')
                {
                    if (pos + 1 < text.Length && text[pos + 1] == '\'')
                    {
                        sb.Append('\'');
                        pos += 2;
                        continue;
                    }

                    pos++;
                    return sb.ToString();
                }

                sb.Append(text[pos++]);
            }
        }

        var word = Identifier();
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when decimal.TryParse(word, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ when DateTimeOffset.TryParse(word, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) => dt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => throw Bad($"bad literal '{word}'"),
        };
    }

    private string Identifier()
    {
        SkipWs();
        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '_' or '.' or '-' or ':' or '+'))
        {
            pos++;
        }

        return pos == start ? throw Bad("expected a name") : text[start..pos];
    }

    private bool TryKeyword(string keyword)
    {
        SkipWs();
        if (pos + keyword.Length <= text.Length && string.CompareOrdinal(text, pos, keyword, 0, keyword.Length) == 0
            && (pos + keyword.Length == text.Length || text[pos + keyword.Length] is ' ' or '('))
        {
            pos += keyword.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipWs();
        if (!Peek(c))
        {
            throw Bad($"expected '{c}'");
        }

        pos++;
    }

    private bool Peek(char c) => pos < text.Length && text[pos] == c;

    private void SkipWs()
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }

    private SageBadRequestException Bad(string detail) => new($"The query specified in the URI is not valid. $filter: {detail}.");
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

/// <summary>A 400 the sandbox answers with a Sage-like {"Message": ...} body.</summary>
public sealed class SageBadRequestException(string message) : Exception(message);

/// <summary>
/// Sage's OData subset over JSON records: $filter (eq ne gt ge lt le, and, or, not, parentheses, contains,
/// startswith, endswith, doubled quotes), $orderby, $top (default 500, max 5000), $skip (needs $orderby),
/// $select (unknown field → 400), $count=true (bare integer).
/// </summary>
public static class ODataEvaluator
{
    public static JsonNode Apply(IEnumerable<JsonObject> source, IQueryCollection query, IReadOnlySet<string> fields)
    {
        var items = source;
        if (query.TryGetValue("$filter", out var filter) && !string.IsNullOrWhiteSpace(filter))
        {
            var predicate = new FilterParser(filter.ToString(), fields).Parse();
            items = items.Where(predicate);
        }

        if (query.TryGetValue("$count", out var count) && string.Equals(count, "true", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(items.Count());
        }

        var hasOrder = query.TryGetValue("$orderby", out var orderBy) && !string.IsNullOrWhiteSpace(orderBy);
        if (hasOrder)
        {
            IOrderedEnumerable<JsonObject>? ordered = null;
            foreach (var part in orderBy.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bits = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var field = bits[0];
                if (!fields.Contains(field))
                {
                    throw new SageBadRequestException($"Could not find a property named '{field}' on type '$orderby'.");
                }

                var desc = bits.Length > 1 && bits[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
                Func<JsonObject, IComparable?> key = o => Comparable(o[field]);
                ordered = ordered is null
                    ? (desc ? items.OrderByDescending(key, NullSafe.Instance) : items.OrderBy(key, NullSafe.Instance))
                    : (desc ? ordered.ThenByDescending(key, NullSafe.Instance) : ordered.ThenBy(key, NullSafe.Instance));
            }

            items = ordered!;
        }

        var top = ParseInt(query, "$top") ?? 500;
        if (top is < 0 or > 5000)
        {
            throw new SageBadRequestException("The value of $top must be between 0 and 5000.");
        }

        if (ParseInt(query, "$skip") is int skip)
        {
            if (!hasOrder)
            {
                throw new SageBadRequestException("The query specified in the URI is not valid. $skip requires $orderby.");
            }

            if (skip < 0)
            {
                throw new SageBadRequestException("The value of $skip must not be negative.");
            }

            items = items.Skip(skip);
        }

        items = items.Take(top);
        string[]? select = null;
        if (query.TryGetValue("$select", out var sel) && !string.IsNullOrWhiteSpace(sel))
        {
            select = sel.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var f in select.Where(f => !fields.Contains(f)))
            {
                throw new SageBadRequestException($"Could not find a property named '{f}' on type '$select'.");
            }
        }

        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(select is null ? item.DeepClone() : Project(item, select));
        }

        return array;
    }

    private static JsonObject Project(JsonObject item, string[] select)
    {
        var o = new JsonObject();
        foreach (var f in select)
        {
            o[f] = item[f]?.DeepClone();
        }

        return o;
    }

    private static int? ParseInt(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var v) || string.IsNullOrWhiteSpace(v))
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new SageBadRequestException($"The value of {name} is not valid.");
    }

    internal static IComparable? Comparable(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Json.Number(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True,
        _ => node.ToJsonString(),
    };

    private sealed class NullSafe : IComparer<IComparable?>
    {
        public static readonly NullSafe Instance = new();

        public int Compare(IComparable? x, IComparable? y) => x is null ? (y is null ? 0 : -1) : y is null ? 1 : x is string xs && y is string ys ? string.CompareOrdinal(xs, ys) : x.CompareTo(y);
    }
}

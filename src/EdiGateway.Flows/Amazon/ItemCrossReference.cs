using System.Globalization;

namespace EdiGateway.Flows.Amazon;

/// <summary>One item of the partner's cross-reference: the Sage product and its case size (units per case).</summary>
public sealed record ItemMatch(string SageProductCode, int? CaseSize, string MatchedQualifier, string MatchedValue);

/// <summary>The partner's item cross-reference (rows of named columns, e.g. the profile's items.csv), looked up by
/// product qualifier in the partner's priority order. Column names come from <see cref="AmazonSettings.ItemColumns"/>.</summary>
public sealed class ItemCrossReference
{
    private readonly Dictionary<(string Column, string Value), IReadOnlyDictionary<string, string>> _index = [];
    private readonly AmazonSettings _settings;

    /// <summary>Indexes the rows by every mapped identifier column (case-insensitive values, leading/trailing blanks ignored).</summary>
    public ItemCrossReference(IEnumerable<IReadOnlyDictionary<string, string>> rows, AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        var idColumns = settings.ItemColumns.Where(c => c.Key is not ("sageProductCode" or "caseSize")).Select(c => c.Value).Distinct().ToList();
        foreach (var row in rows)
            foreach (var col in idColumns)
                if (row.TryGetValue(col, out var v) && Key(v) is { Length: > 0 } k)
                    _index.TryAdd((col, k), row);
    }

    /// <summary>The first match over the line's identifiers, tried in <see cref="AmazonSettings.ItemQualifierPriority"/> order;
    /// null when none of them is in the table (or the row has no Sage product code).</summary>
    public ItemMatch? Find(IReadOnlyList<ProductIdentifier> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var q in _settings.ItemQualifierPriority)
        {
            if (!_settings.ItemColumns.TryGetValue(q, out var col)) continue;
            foreach (var id in ids.Where(i => i.Qualifier == q))
            {
                if (!_index.TryGetValue((col, Key(id.Value)), out var row)) continue;
                var code = Cell(row, "sageProductCode");
                if (code.Length == 0) continue;
                int? size = int.TryParse(Cell(row, "caseSize"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
                return new ItemMatch(code, size, q, id.Value);
            }
        }
        return null;
    }

    private string Cell(IReadOnlyDictionary<string, string> row, string logical) =>
        _settings.ItemColumns.TryGetValue(logical, out var col) && row.TryGetValue(col, out var v) ? v.Trim() : "";

    private static string Key(string v) => v.Trim().ToUpperInvariant();
}

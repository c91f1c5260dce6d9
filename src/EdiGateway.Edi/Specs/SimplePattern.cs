using System.Globalization;

namespace EdiGateway.Edi.Specs;

/// <summary>A guide pattern of the form <c>^[class]{m,n}$</c> (also <c>+</c>, <c>*</c>, <c>{n}</c>, <c>{m,}</c>) with an
/// ASCII character class, matched on bytes; any other pattern goes to <see cref="System.Text.RegularExpressions.Regex"/>.</summary>
internal sealed class SimplePattern
{
    private readonly bool[] _allowed = new bool[128];
    private readonly int _min;
    private readonly int _max;

    private SimplePattern(int min, int max)
    {
        _min = min;
        _max = max;
    }

    /// <summary>Parses <paramref name="pattern"/>; null when it is not a simple class pattern.</summary>
    public static SimplePattern? TryParse(string pattern)
    {
        if (!pattern.StartsWith("^[", StringComparison.Ordinal) || !pattern.EndsWith('$')) return null;
        var close = pattern.IndexOf(']', 2);
        if (close < 3) return null;
        var cls = pattern[2..close];
        if (cls[0] == '^' || cls.Contains('\\', StringComparison.Ordinal) || cls.Contains('[', StringComparison.Ordinal)) return null;
        var quant = pattern[(close + 1)..^1];
        int min, max;
        if (quant == "+") (min, max) = (1, int.MaxValue);
        else if (quant == "*") (min, max) = (0, int.MaxValue);
        else if (quant.Length > 2 && quant[0] == '{' && quant[^1] == '}')
        {
            var parts = quant[1..^1].Split(',');
            if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)) return null;
            if (parts.Length == 1) max = min;
            else if (parts[1].Length == 0) max = int.MaxValue;
            else if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out max)) return null;
        }
        else return null;
        var p = new SimplePattern(min, max);
        for (var i = 0; i < cls.Length; i++)
        {
            var lo = cls[i];
            var hi = lo;
            if (i + 2 < cls.Length && cls[i + 1] == '-') { hi = cls[i + 2]; i += 2; }
            if (lo > 127 || hi > 127 || hi < lo) return null;
            for (var c = lo; c <= hi; c++) p._allowed[c] = true;
        }
        return p;
    }

    /// <summary>Same answer as the regular expression; null when the bytes need the real engine (a trailing LF,
    /// which <c>$</c> accepts).</summary>
    public bool? IsMatch(ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty && value[^1] == (byte)'\n') return null;
        if (value.Length < _min || value.Length > _max) return false;
        foreach (var b in value)
            if (b >= 128 || !_allowed[b]) return false;
        return true;
    }
}

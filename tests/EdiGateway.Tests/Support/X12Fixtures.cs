using System.Globalization;
using System.Text;

namespace EdiGateway.Tests.Support;

/// <summary>Builds Amazon-style 850 interchanges for pipeline tests (sample partner amazon-vc-test).</summary>
public static class X12Fixtures
{
    public static string PurchaseOrder(string st, string po, int lines)
    {
        var sb = new StringBuilder();
        var segs = new List<string>
        {
            $"ST*850*{st}", $"BEG*00*NE*{po}**20261201", "REF*CR*ACME1", "CSH*Y", "DTM*064*20261205", "DTM*063*20261212", "N1*ST**92*LBA4",
        };
        var quantity = 0;
        for (var i = 1; i <= lines; i++)
        {
            segs.Add($"PO1*{i}*{i + 1}*EA*3.10*PE*BP*B0EXAMPLE2*VN*ACME-TEA-02");
            quantity += i + 1;
        }

        segs.Add($"CTT*{lines}*{quantity}");
        segs.Add($"SE*{segs.Count + 1}*{st}");
        foreach (var s in segs)
        {
            sb.Append(s).Append("~\n");
        }

        return sb.ToString();
    }

    public static string Interchange(long control, IReadOnlyList<string> sets, string sender = "AMAZON", string receiver = "ACMEVENDOR")
    {
        var ctl = control.ToString("D9", CultureInfo.InvariantCulture);
        var gs = control.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ISA*00*          *00*          *ZZ*{sender,-15}*ZZ*{receiver,-15}*261201*0930*U*00401*{ctl}*0*T*>~\n");
        sb.Append(CultureInfo.InvariantCulture, $"GS*PO*{sender}*{receiver}*20261201*0930*{gs}*X*004010~\n");
        foreach (var s in sets)
        {
            sb.Append(s);
        }

        sb.Append(CultureInfo.InvariantCulture, $"GE*{sets.Count}*{gs}~\nIEA*1*{ctl}~\n");
        return sb.ToString();
    }

    /// <summary><paramref name="interchanges"/> interchanges of <paramref name="setsEach"/> POs each, numbered from <paramref name="firstControl"/>.</summary>
    public static string ManyPurchaseOrders(int interchanges, int setsEach, int linesEach, long firstControl = 1000)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < interchanges; i++)
        {
            var sets = Enumerable.Range(1, setsEach)
                .Select(s => PurchaseOrder(s.ToString("D4", CultureInfo.InvariantCulture), $"P{firstControl + i:D5}{s:D2}", linesEach))
                .ToList();
            sb.Append(Interchange(firstControl + i, sets));
        }

        return sb.ToString();
    }
}

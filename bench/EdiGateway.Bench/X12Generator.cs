using System.Globalization;
using System.Text;

namespace EdiGateway.Bench;

/// <summary>Writes a realistic large X12 file: a 4010 interchange of Amazon 850s with 10 lines each and a 5010 interchange
/// of 856 ASNs in the SOTPI pattern (2 pallets x 3 cartons x 2 items), half of the bytes each, 500 sets per group.</summary>
internal static class X12Generator
{
    public static void Write(string path, long targetBytes)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new StreamWriter(fs, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        var half = targetBytes / 2;
        WriteInterchange(w, fs, half, "00401", "000000001", "PO", "004010", Po850);
        WriteInterchange(w, fs, targetBytes, "00501", "000000002", "SH", "005010", Asn856);
    }

    private static void WriteInterchange(StreamWriter w, FileStream fs, long until, string isa12, string isa13, string gs01, string gs08,
        Func<int, string, string> set)
    {
        var rep = isa12 == "00501" ? "^" : "U";
        w.Write($"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDOR1        *261202*0830*{rep}*{isa12}*{isa13}*0*P*>~\n");
        var groups = 0;
        var n = 0;
        while (true)
        {
            groups++;
            var gs06 = groups.ToString(CultureInfo.InvariantCulture);
            w.Write($"GS*{gs01}*AMAZON*VENDOR1*20261202*0830*{gs06}*X*{gs08}~\n");
            var count = 0;
            for (; count < 500; count++)
            {
                n++;
                w.Write(set(n, n.ToString("0000", CultureInfo.InvariantCulture)));
            }
            w.Write($"GE*{count}*{gs06}~\n");
            w.Flush();
            if (fs.Position >= until) break;
        }
        w.Write($"IEA*{groups}*{isa13}~\n");
        w.Flush();
    }

    private static readonly string[] Skus = [.. Enumerable.Range(0, 64).Select(i => $"SKU-{i:00000}")];

    private static string Po850(int n, string st02)
    {
        var sb = new StringBuilder(1200);
        sb.Append("ST*850*").Append(st02).Append("~\n");
        sb.Append("BEG*00*NE*").Append((n % 100000000).ToString("00000000", CultureInfo.InvariantCulture)).Append("**20261201~\n");
        sb.Append("REF*CR*VEND1~\nFOB*PP~\nCSH*N~\nDTM*064*20261210~\nDTM*063*20261215~\nN1*ST**92*FCAB1~\n");
        var total = 0;
        for (var i = 1; i <= 10; i++)
        {
            var qty = 6 * i;
            total += qty;
            sb.Append("PO1*").Append(i).Append('*').Append(qty).Append(i % 3 == 0 ? "*CA*48.00" : "*EA*9.25")
              .Append("*PE*BP*B0EXAMPL").Append(i % 10).Append("X*VN*").Append(Skus[(n + i) % Skus.Length]).Append("~\n");
        }
        sb.Append("CTT*10*").Append(total).Append("~\nSE*20*").Append(st02).Append("~\n");
        return sb.ToString();
    }

    private static string Sscc(long serial)
    {
        var data = "0" + "0123450" + serial.ToString("000000000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < data.Length; i++) sum += (data[data.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return "00" + data + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private static string Asn856(int n, string st02)
    {
        var sb = new StringBuilder(3000);
        var segs = 0;
        void S(string s)
        {
            sb.Append(s).Append("~\n");
            segs++;
        }
        S("ST*856*" + st02);
        S($"BSN*00*SHIP{n:00000000}*20261203*1400");
        var hl = 1;
        S("HL*1**S");
        S("TD1*CTN*6****G*125.5*LB");
        S("TD5**2*ABCD");
        S($"REF*BM*VEND{n:0000000}");
        S("DTM*011*20261203");
        S("DTM*017*20261206");
        S("N1*SF*VENDOR ONE*92*V1");
        S("N4*SEATTLE*WA*98101*US");
        S("N1*ST**92*FCAB1");
        S("HL*2*1*O");
        S($"PRF*{n % 100000000:00000000}");
        hl = 2;
        for (var p = 0; p < 2; p++)
        {
            var pallet = ++hl;
            S($"HL*{pallet}*2*T");
            S("MAN*GM*" + Sscc((long)n * 20 + p * 10));
            for (var c = 0; c < 3; c++)
            {
                var carton = ++hl;
                S($"HL*{carton}*{pallet}*P");
                S("MAN*GM*" + Sscc((long)n * 20 + p * 10 + c + 1));
                for (var i = 0; i < 2; i++)
                {
                    S($"HL*{++hl}*{carton}*I");
                    S($"LIN**BP*B0EXAMPL{i}X*VN*{Skus[(n + c + i) % Skus.Length]}");
                    S("SN1**12*EA");
                }
            }
        }
        S($"CTT*{hl}");
        S($"SE*{segs + 1}*{st02}");
        return sb.ToString();
    }
}

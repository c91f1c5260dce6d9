using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Writing;

/// <summary>Who sends to whom, and how the envelope looks (version, usage, delimiters).</summary>
public sealed record X12EnvelopeOptions
{
    /// <summary>ISA05.</summary>
    public string SenderQualifier { get; init; } = "ZZ";
    /// <summary>ISA06 (padded to 15).</summary>
    public required string SenderId { get; init; }
    /// <summary>ISA07.</summary>
    public string ReceiverQualifier { get; init; } = "ZZ";
    /// <summary>ISA08 (padded to 15).</summary>
    public required string ReceiverId { get; init; }
    /// <summary>GS02; defaults to ISA06.</summary>
    public string? GroupSender { get; init; }
    /// <summary>GS03; defaults to ISA08.</summary>
    public string? GroupReceiver { get; init; }
    /// <summary>ISA12, e.g. 00401 or 00501.</summary>
    public string InterchangeVersion { get; init; } = "00401";
    /// <summary>ISA15: P production, T test.</summary>
    public string UsageIndicator { get; init; } = "P";
    /// <summary>ISA14: 1 asks the receiver for a TA1.</summary>
    public bool RequestTa1 { get; init; }
    /// <summary>ISA01/ISA02.</summary>
    public string AuthorizationQualifier { get; init; } = "00";
    /// <summary>ISA02 (padded to 10).</summary>
    public string AuthorizationInformation { get; init; } = "";
    /// <summary>ISA03.</summary>
    public string SecurityQualifier { get; init; } = "00";
    /// <summary>ISA04 (padded to 10).</summary>
    public string SecurityInformation { get; init; } = "";
    /// <summary>Delimiters; the repetition separator is only written for ISA12 &gt;= 00402.</summary>
    public X12Delimiters Delimiters { get; init; } = X12Delimiters.Default;
}

/// <summary>The content of one outbound group: GS01, GS08 and the set bodies (segments between ST and SE).</summary>
/// <param name="FunctionalId">GS01 (PO, PR, SH, IN, FA...).</param>
/// <param name="Version">GS08 (004010, 005010, 005010X231A1...).</param>
/// <param name="Sets">Sets to enclose.</param>
public sealed record X12GroupContent(string FunctionalId, string Version, IReadOnlyList<X12SetContent> Sets);

/// <summary>One set to enclose: ST01, body segments, optional ST03.</summary>
public sealed record X12SetContent(string SetId, IReadOnlyList<X12Segment> Body, string? ImplementationReference = null);

/// <summary>Builds interchanges with correct envelopes: ISA padding, dates from the clock, control numbers from the
/// caller's source, SE01/GE01/IEA01 counts and matching trailers.</summary>
public static class X12Envelope
{
    /// <summary>Builds one interchange.</summary>
    public static X12Interchange Build(X12EnvelopeOptions options, IControlNumberSource numbers, TimeProvider clock,
        IEnumerable<X12GroupContent> groups, IEnumerable<X12Segment>? ta1 = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(groups);
        var now = clock.GetUtcNow();
        var isa13 = Number(numbers.NextInterchange(), 9);
        var d = options.Delimiters;
        var hasRep = string.CompareOrdinal(options.InterchangeVersion, "00402") >= 0;
        if (!hasRep) d = d with { Repetition = 0 };
        var isa = X12Segment.OfElements("ISA",
        [
            X12Element.Of(options.AuthorizationQualifier), X12Element.Of(Pad(options.AuthorizationInformation, 10)),
            X12Element.Of(options.SecurityQualifier), X12Element.Of(Pad(options.SecurityInformation, 10)),
            X12Element.Of(options.SenderQualifier), X12Element.Of(Pad(options.SenderId, 15)),
            X12Element.Of(options.ReceiverQualifier), X12Element.Of(Pad(options.ReceiverId, 15)),
            X12Element.Of(now.ToString("yyMMdd", CultureInfo.InvariantCulture)), X12Element.Of(now.ToString("HHmm", CultureInfo.InvariantCulture)),
            X12Element.Of(hasRep ? ((char)d.Repetition).ToString() : "U"), X12Element.Of(options.InterchangeVersion),
            X12Element.Of(isa13), X12Element.Of(options.RequestTa1 ? "1" : "0"), X12Element.Of(options.UsageIndicator),
            X12Element.Of(((char)d.Component).ToString()),
        ]);
        var built = ImmutableArray.CreateBuilder<X12FunctionalGroup>();
        foreach (var g in groups)
        {
            var gs06 = numbers.NextGroup().ToString(CultureInfo.InvariantCulture);
            var gs = X12Segment.Of("GS", g.FunctionalId, options.GroupSender ?? options.SenderId, options.GroupReceiver ?? options.ReceiverId,
                now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), now.ToString("HHmm", CultureInfo.InvariantCulture), gs06, "X", g.Version);
            var sets = ImmutableArray.CreateBuilder<X12TransactionSet>();
            foreach (var s in g.Sets)
            {
                var st02 = Number(numbers.NextSet(), 4);
                var segs = ImmutableArray.CreateBuilder<X12Segment>(s.Body.Count + 2);
                segs.Add(X12Segment.Of("ST", s.SetId, st02, s.ImplementationReference));
                segs.AddRange(s.Body);
                segs.Add(X12Segment.Of("SE", (s.Body.Count + 2).ToString(CultureInfo.InvariantCulture), st02));
                sets.Add(new X12TransactionSet(segs.MoveToImmutable()));
            }
            built.Add(new X12FunctionalGroup(gs, sets.ToImmutable(),
                X12Segment.Of("GE", sets.Count.ToString(CultureInfo.InvariantCulture), gs06)));
        }
        var iea = X12Segment.Of("IEA", built.Count.ToString(CultureInfo.InvariantCulture), isa13);
        return new X12Interchange(d, isa, [.. ta1 ?? []], built.ToImmutable(), iea);
    }

    private static string Pad(string s, int width) => s.Length >= width ? s[..width] : s.PadRight(width);

    private static string Number(long n, int minDigits) => n.ToString(new string('0', minDigits), CultureInfo.InvariantCulture);
}

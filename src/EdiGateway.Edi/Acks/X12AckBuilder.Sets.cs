using System.Globalization;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Acks;

/// <summary>The AK2 loop of one set: AK3/IK3 segment notes, AK4/IK4 element notes, AK5/IK5.</summary>
public sealed partial class X12AckBuilder
{
    private void AddSet(List<X12Segment> body, X12SetResult set, bool is999)
    {
        body.Add(is999 ? X12Segment.Of("AK2", set.SetId, set.ControlNumber, set.ImplementationReference) : X12Segment.Of("AK2", set.SetId, set.ControlNumber));
        var errors = set.Errors.Where(e => e.Severity == X12Severity.Error).ToList();
        var bySegment = errors.Where(e => e.Level is X12ErrorLevel.Segment or X12ErrorLevel.Element && e.Position.SegmentInSet is not null)
            .GroupBy(e => (e.Position.SegmentInSet, e.Position.SegmentId))
            .Take(_options.MaxSegmentErrorsPerSet);
        foreach (var g in bySegment)
        {
            var segError = g.FirstOrDefault(e => e.Level == X12ErrorLevel.Segment);
            var first = g.First();
            var code = segError is null ? "8" : (is999 ? segError.Ack.SegmentCode999 : segError.Ack.SegmentCode997) ?? "8";
            body.Add(X12Segment.Of(is999 ? "IK3" : "AK3", first.Position.SegmentId ?? "",
                first.Position.SegmentInSet!.Value.ToString(CultureInfo.InvariantCulture), first.Position.LoopId, code));
            foreach (var e in g.Where(e => e.Level == X12ErrorLevel.Element && e.Position.ElementPosition is not null).Take(99))
            {
                var p = e.Position;
                var c030 = new List<string> { p.ElementPosition!.Value.ToString(CultureInfo.InvariantCulture) };
                if (p.ComponentPosition is int cp || p.RepetitionPosition is not null)
                    c030.Add(p.ComponentPosition?.ToString(CultureInfo.InvariantCulture) ?? "");
                if (is999 && p.RepetitionPosition is int rp) c030.Add(rp.ToString(CultureInfo.InvariantCulture));
                var ecode = (is999 ? e.Ack.ElementCode999 : e.Ack.ElementCode997) ?? "7";
                var bad = e.BadData is { Length: > 0 } b ? Clean(b) : null;
                body.Add(X12Segment.OfElements(is999 ? "IK4" : "AK4",
                [
                    X12Element.Composite([.. c030]), X12Element.Of(p.ElementReference ?? ""), X12Element.Of(ecode), bad is null ? null : X12Element.Of(bad),
                ]));
            }
        }
        var setCodes = errors.Where(e => e.Level == X12ErrorLevel.TransactionSet && e.Ack.SetCode is not null).Select(e => e.Ack.SetCode!)
            .Concat(errors.Any(e => e.Level is X12ErrorLevel.Segment or X12ErrorLevel.Element) ? ["5"] : [])
            .Distinct().Take(5).ToList();
        var status = set.Status == X12AckStatus.Rejected ? "R" : "A";
        body.Add(X12Segment.Of(is999 ? "IK5" : "AK5", [status, .. setCodes]));
    }

    /// <summary>Bad data copied into AK404/IK404 must not carry separators or control characters.</summary>
    private static string Clean(string s)
    {
        var chars = s.Select(ch => ch is '*' or '~' or '^' or ':' or '>' or '|' or '\\' || char.IsControl(ch) || ch > 0x7E ? ' ' : ch).ToArray();
        var r = new string(chars).Trim();
        return r.Length > 99 ? r[..99] : r;
    }
}

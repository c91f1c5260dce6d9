using EdiGateway.Edi.Model;

namespace EdiGateway.Edi.Records;

/// <summary>997 functional acknowledgment, typed (also reads the 999 IK3/IK4/IK5 forms).</summary>
public sealed record FunctionalAck997
{
    /// <summary>AK101 functional identifier of the acknowledged group.</summary>
    public required string FunctionalId { get; init; } // AK101
    /// <summary>AK102 group control number acknowledged.</summary>
    public required string GroupControlNumber { get; init; } // AK102
    /// <summary>Per-set responses.</summary>
    public IReadOnlyList<SetAck> Sets { get; init; } = []; // AK2 loop
    /// <summary>AK901 group status (A, E, P, R).</summary>
    public required string GroupStatus { get; init; } // AK901
    /// <summary>AK902 number of sets included.</summary>
    public int? Included { get; init; } // AK902
    /// <summary>AK903 number received.</summary>
    public int? Received { get; init; } // AK903
    /// <summary>AK904 number accepted.</summary>
    public int? Accepted { get; init; } // AK904
    /// <summary>AK905.. group error codes.</summary>
    public IReadOnlyList<string> GroupErrors { get; init; } = []; // AK905-AK909

    /// <summary>Maps a 997 (or 999) set to the record.</summary>
    public static FunctionalAck997 FromSet(X12TransactionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var body = set.SetId == "999" ? [.. set.Body] : Map.Body(set, "997");
        var ak1 = body.First(s => s.Id == "AK1");
        var sets = new List<SetAck>();
        FunctionalAck997? result = null;
        foreach (var s in body)
        {
            switch (s.Id)
            {
                case "AK2": sets.Add(new SetAck(s[1], s[2], [], "")); break;
                case "AK3" or "IK3" when sets.Count > 0:
                    sets[^1] = sets[^1] with { Segments = [.. sets[^1].Segments, new SegmentNote(s[1], Map.Int(s, 2) ?? 0, Map.Opt(s, 3), s[4], [])] };
                    break;
                case "AK4" or "IK4" when sets.Count > 0 && sets[^1].Segments.Count > 0:
                    var e = s.Element(1);
                    var note = new ElementNote(int.TryParse(e?.Component(1), out var p) ? p : 0,
                        int.TryParse(e?.Component(2), out var c) ? c : null, Map.Opt(s, 2), s[3], Map.Opt(s, 4));
                    var segs = sets[^1].Segments.ToList();
                    segs[^1] = segs[^1] with { Elements = [.. segs[^1].Elements, note] };
                    sets[^1] = sets[^1] with { Segments = segs };
                    break;
                case "AK5" or "IK5" when sets.Count > 0:
                    sets[^1] = sets[^1] with { Status = s[1], Codes = [.. s.Elements.Skip(1).Select(x => x.Value).Where(v => v.Length > 0)] };
                    break;
                case "AK9":
                    result = new FunctionalAck997
                    {
                        FunctionalId = ak1[1], GroupControlNumber = ak1[2], GroupStatus = s[1], Included = Map.Int(s, 2), Received = Map.Int(s, 3),
                        Accepted = Map.Int(s, 4), GroupErrors = [.. s.Elements.Skip(4).Select(x => x.Value).Where(v => v.Length > 0)],
                    };
                    break;
            }
        }
        return (result ?? new FunctionalAck997 { FunctionalId = ak1[1], GroupControlNumber = ak1[2], GroupStatus = "" }) with { Sets = sets };
    }

    /// <summary>The 997 body segments.</summary>
    public IReadOnlyList<X12Segment> ToBody()
    {
        var list = new List<X12Segment> { X12Segment.Of("AK1", FunctionalId, GroupControlNumber) };
        foreach (var s in Sets)
        {
            list.Add(X12Segment.Of("AK2", s.SetId, s.ControlNumber));
            foreach (var g in s.Segments)
            {
                list.Add(X12Segment.Of("AK3", g.SegmentId, Map.F(g.Position), g.LoopId, g.Code));
                foreach (var e in g.Elements)
                    list.Add(X12Segment.OfElements("AK4", [e.Component is int c ? X12Element.Composite(Map.F(e.Position), Map.F(c)) : X12Element.Of(Map.F(e.Position)),
                        X12Element.Of(e.Reference ?? ""), X12Element.Of(e.Code), e.BadData is null ? null : X12Element.Of(e.BadData)]));
            }
            list.Add(X12Segment.Of("AK5", [s.Status, .. s.Codes]));
        }
        list.Add(X12Segment.Of("AK9", [GroupStatus, Map.F(Included), Map.F(Received), Map.F(Accepted), .. GroupErrors]));
        return list;
    }
}

/// <summary>AK2 loop: one acknowledged set.</summary>
public sealed record SetAck(
    string SetId, // AK201 transaction set identifier
    string ControlNumber, // AK202 transaction set control number
    IReadOnlyList<SegmentNote> Segments, // AK3 loop
    string Status) // AK501 A, E, R
{
    /// <summary>AK502.. error codes.</summary>
    public IReadOnlyList<string> Codes { get; init; } = []; // AK502-AK506
}

/// <summary>AK3: a segment in error.</summary>
public sealed record SegmentNote(
    string SegmentId, // AK301 segment id code
    int Position, // AK302 segment position in transaction set
    string? LoopId, // AK303 loop identifier code
    string Code, // AK304 segment syntax error code
    IReadOnlyList<ElementNote> Elements); // AK4s

/// <summary>AK4: an element in error.</summary>
public sealed record ElementNote(
    int Position, // AK401-1 element position in segment
    int? Component, // AK401-2 component data element position
    string? Reference, // AK402 data element reference number
    string Code, // AK403 data element syntax error code
    string? BadData); // AK404 copy of bad data element

using System.Collections.Immutable;
using System.Globalization;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Processing;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Acks;

/// <summary>Options for acknowledgements.</summary>
public sealed record X12AckOptions
{
    /// <summary>GS08 of 999 groups.</summary>
    public string Version999 { get; init; } = "005010X231A1";
    /// <summary>GS08 of 997 groups.</summary>
    public string Version997 { get; init; } = "004010";
    /// <summary>Delimiters of the ack; null = those of the inbound interchange.</summary>
    public X12Delimiters? Delimiters { get; init; }
    /// <summary>Most AK3/IK3 loops per set (the rest are summarised by AK5/IK5).</summary>
    public int MaxSegmentErrorsPerSet { get; init; } = 100;
    /// <summary>Send a TA1 for every interchange, not only when ISA14 = 1 or the envelope fails.</summary>
    public bool AlwaysTa1 { get; init; }
}

/// <summary>Builds acknowledgements from a report: a TA1 when ISA14 = 1 or the envelope fails, a 997 per 4010-style
/// group and a 999 per 5010 group, with the inbound sender and receiver swapped. Control numbers come from the caller.</summary>
public sealed partial class X12AckBuilder
{
    private readonly TimeProvider _clock;
    private readonly IControlNumberSource _numbers;
    private readonly X12AckOptions _options;

    /// <summary>Creates a builder.</summary>
    public X12AckBuilder(TimeProvider clock, IControlNumberSource numbers, X12AckOptions? options = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _numbers = numbers ?? throw new ArgumentNullException(nameof(numbers));
        _options = options ?? new X12AckOptions();
    }

    /// <summary>One ack interchange per inbound interchange (those that need none are skipped).</summary>
    public ImmutableArray<X12Interchange> Build(X12FileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var list = ImmutableArray.CreateBuilder<X12Interchange>();
        foreach (var i in report.Interchanges)
            if (Build(i) is { } ack) list.Add(ack);
        return list.ToImmutable();
    }

    /// <summary>The ack interchange for one inbound interchange, or null when nothing is due.</summary>
    public X12Interchange? Build(X12InterchangeResult interchange)
    {
        ArgumentNullException.ThrowIfNull(interchange);
        var isa = interchange.Header;
        var rejected = interchange.IsRejected;
        var wantTa1 = _options.AlwaysTa1 || rejected || isa.AckRequested == "1";
        var ta1 = new List<X12Segment>();
        if (wantTa1)
        {
            var code = interchange.Errors.FirstOrDefault(e => e.Severity == X12Severity.Error)?.Ack.Ta1NoteCode ?? "000";
            ta1.Add(X12Segment.Of("TA1", isa.ControlNumber, isa.Date, isa.Time, rejected ? "R" : "A", code));
        }
        var groups = new List<X12GroupContent>();
        if (!rejected)
        {
            var sets997 = interchange.Groups.Where(g => !Is5010(g.Header.Version)).Select(g => new X12SetContent("997", Body(g, false))).ToList();
            var sets999 = interchange.Groups.Where(g => Is5010(g.Header.Version))
                .Select(g => new X12SetContent("999", Body(g, true), _options.Version999)).ToList();
            if (sets997.Count > 0) groups.Add(new X12GroupContent("FA", _options.Version997, sets997));
            if (sets999.Count > 0) groups.Add(new X12GroupContent("FA", _options.Version999, sets999));
        }
        if (ta1.Count == 0 && groups.Count == 0) return null;
        var firstGroup = interchange.Groups.FirstOrDefault()?.Header;
        var version = isa.Version.Length == 5 && isa.Version.All(char.IsAsciiDigit) ? isa.Version : "00401";
        var delimiters = _options.Delimiters ?? isa.Delimiters;
        if (delimiters.Repetition == 0) delimiters = delimiters with { Repetition = (byte)'^' };
        var envelope = new X12EnvelopeOptions
        {
            SenderQualifier = isa.ReceiverQualifier,
            SenderId = isa.ReceiverId,
            ReceiverQualifier = isa.SenderQualifier,
            ReceiverId = isa.SenderId,
            GroupSender = firstGroup?.ReceiverCode ?? isa.ReceiverId,
            GroupReceiver = firstGroup?.SenderCode ?? isa.SenderId,
            InterchangeVersion = version,
            UsageIndicator = isa.UsageIndicator is "P" or "T" or "I" ? isa.UsageIndicator : "P",
            Delimiters = delimiters,
        };
        return X12Envelope.Build(envelope, _numbers, _clock, groups, ta1);
    }

    private static bool Is5010(string gs08) => gs08.Length >= 6 && string.CompareOrdinal(gs08[..6], "005010") >= 0;

    private List<X12Segment> Body(X12GroupResult group, bool is999)
    {
        var h = group.Header;
        var body = new List<X12Segment> { is999 ? X12Segment.Of("AK1", h.FunctionalId, h.ControlNumber, h.Version) : X12Segment.Of("AK1", h.FunctionalId, h.ControlNumber) };
        foreach (var set in group.Sets) AddSet(body, set, is999);
        var groupCodes = group.Errors.Where(e => e.Severity == X12Severity.Error && e.Ack.GroupCode is not null)
            .Select(e => e.Ack.GroupCode!).Distinct().Take(5).ToList();
        var status = group.Status switch
        {
            X12AckStatus.Rejected => "R",
            X12AckStatus.PartiallyAccepted => "P",
            X12AckStatus.AcceptedWithErrors => "E",
            _ => "A",
        };
        var declared = (group.DeclaredSets ?? group.SetCount).ToString(CultureInfo.InvariantCulture);
        body.Add(X12Segment.Of("AK9", [status, declared, group.SetCount.ToString(CultureInfo.InvariantCulture),
            group.AcceptedCount.ToString(CultureInfo.InvariantCulture), .. groupCodes]));
        return body;
    }
}

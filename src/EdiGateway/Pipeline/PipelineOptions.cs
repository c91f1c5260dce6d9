using System.ComponentModel.DataAnnotations;

namespace EdiGateway.Pipeline;

/// <summary>How the document pipeline runs (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Off only for operator tools that must not touch partner traffic.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each partner's inbound folder or remote outbound folder is polled.</summary>
    [Range(50, 3_600_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>A file must keep its size and time this long before it is picked up (partial files are never read).</summary>
    [Range(0, 600_000)]
    public int StableForMilliseconds { get; set; } = 500;

    /// <summary>How often SLA deadlines (855 due, 997 missing ...) are checked.</summary>
    [Range(1, 3600)]
    public int DeadlineCheckSeconds { get; set; } = 60;

    /// <summary>How often shipped Amazon orders are looked up in Sage's invoice views for their 810.</summary>
    [Range(1, 86400)]
    public int InvoicePollSeconds { get; set; } = 60;

    /// <summary>How often Sage's despatch views are read for despatches made in Sage itself (Amazon profiles with <c>despatchSource: sage</c>).</summary>
    [Range(1, 86400)]
    public int DespatchPollSeconds { get; set; } = 60;
}

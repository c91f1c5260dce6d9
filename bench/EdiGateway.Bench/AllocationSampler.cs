using System.Diagnostics.Tracing;

namespace EdiGateway.Bench;

/// <summary>Counts the runtime's allocation-tick samples (one per ~100 KB) by type name, to see what a loop allocates.</summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public bool Enabled { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var i = e.PayloadNames.IndexOf("TypeName");
        if (i < 0 || e.Payload?[i] is not string t) return;
        lock (_counts) _counts[t] = _counts.GetValueOrDefault(t) + 1;
    }

    public IEnumerable<KeyValuePair<string, int>> Top(int n)
    {
        lock (_counts) return [.. _counts.OrderByDescending(k => k.Value).Take(n)];
    }
}

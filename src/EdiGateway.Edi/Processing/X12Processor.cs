using System.Collections.Immutable;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Processing;

/// <summary>Reads and validates a whole input in one streaming pass and assembles the <see cref="X12FileReport"/>
/// that acknowledgements are built from. Memory: the sets in flight plus the per-set results, kept compactly (a valid set
/// with a numeric ST02 costs 16 bytes; see <see cref="X12GroupResult.Sets"/>).</summary>
public sealed class X12Processor
{
    private readonly X12Validator _validator;
    private readonly X12ReaderOptions _readerOptions;
    private readonly int _parallelism;

    /// <summary>Creates a processor. With <paramref name="parallelism"/> &gt; 1, consecutive sets are validated in
    /// batches on that many threads (results and callbacks stay in file order; at most parallelism + 1 batches of 64 sets are
    /// in flight, so the reader waits rather than buffering the file).</summary>
    public X12Processor(SpecLibrary library, X12ValidationOptions? validation = null, X12ReaderOptions? reader = null, int parallelism = 1)
    {
        _validator = new X12Validator(library, validation);
        _readerOptions = reader ?? new X12ReaderOptions();
        _parallelism = Math.Max(1, parallelism);
    }

    // Small batches keep few sets in flight: each gen0 collection promotes every set in flight, and with a small gen0
    // budget (server GC's dynamic one, or DOTNET_GCgen0size; see bench/README.md) 256-set batches spent about twice the
    // GC pause time of 64-set ones.
    private const int BatchSets = 64;
    private const long BatchBytes = 16L << 20;

    /// <summary>The validator in use.</summary>
    public X12Validator Validator => _validator;

    /// <summary>Validates a file.</summary>
    public X12FileReport ValidateFile(string path, Action<X12RawSet, X12SetResult>? onSet = null)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Validate(fs, onSet);
    }

    /// <summary>A run of consecutive reader items (sets and the envelope items between them) validated as one task.</summary>
    private sealed class Batch
    {
        public List<X12ReadItem> Items { get; } = new(BatchSets + 8);
        public int Sets { get; set; }
        public long Bytes { get; set; }
        public Task<X12SetResult?[]>? Work { get; set; }
    }

    private const int BatchItems = 4 * BatchSets;

    private X12SetResult?[] ValidateBatch(List<X12ReadItem> items)
    {
        var results = new X12SetResult?[items.Count];
        for (var k = 0; k < items.Count; k++)
            if (items[k] is X12SetRead read) results[k] = _validator.Validate(read.Set);
        return results;
    }

    /// <summary>Validates a stream (not disposed). <paramref name="onSet"/> sees each set with its result while its bytes are at hand.</summary>
    public X12FileReport Validate(Stream stream, Action<X12RawSet, X12SetResult>? onSet = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var interchanges = ImmutableArray.CreateBuilder<X12InterchangeResult>();
        var stray = ImmutableArray.CreateBuilder<X12Error>();
        List<X12GroupResult>? groups = null;
        List<X12Error>? isaErrors = null;
        X12CompactSetResults? sets = null;
        List<X12Error>? gsErrors = null;
        long bytes = 0;
        var options = _readerOptions with
        {
            Progress = b =>
            {
                bytes = b;
                _readerOptions.Progress?.Invoke(b);
            },
        };
        void Handle(X12ReadItem item, X12SetResult? result)
        {
            switch (item)
            {
                case X12SetRead read:
                    sets?.Add(result!);
                    onSet?.Invoke(read.Set, result!);
                    break;
                case X12InterchangeStarted s:
                    groups = [];
                    isaErrors = [.. s.Errors];
                    break;
                case X12GroupStarted g:
                    sets = new X12CompactSetResults();
                    gsErrors = [.. g.Errors];
                    if (!_validator.SupportsVersion(g.Header.Version))
                        gsErrors.Add(X12Errors.Group(new X12Position
                        {
                            InterchangeIndex = g.Interchange.Index, InterchangeControlNumber = g.Interchange.ControlNumber,
                            GroupControlNumber = g.Header.ControlNumber, SegmentId = "GS", ElementPosition = 8,
                        }, "GroupVersionNotSupported", "2", $"GS08 version '{g.Header.Version}' is not supported (no edi-specs/x12/{g.Header.BaseVersion})"));
                    break;
                case X12GroupEnded ge:
                    groups?.Add(new X12GroupResult(ge.Header, ge.DeclaredSets, sets ?? new X12CompactSetResults(), [.. (gsErrors ?? []).Concat(ge.Errors)]));
                    sets = null;
                    break;
                case X12InterchangeEnded ie:
                    interchanges.Add(new X12InterchangeResult(ie.Header, [.. groups ?? []], [.. (isaErrors ?? []).Concat(ie.Errors)], ie.DeclaredGroups));
                    groups = null;
                    break;
                case X12StrayData sd:
                    stray.Add(sd.Error);
                    break;
            }
        }
        if (_parallelism == 1)
        {
            foreach (var item in X12Reader.Read(stream, options))
                Handle(item, item is X12SetRead read ? _validator.Validate(read.Set) : null);
            return new X12FileReport(interchanges.ToImmutable(), stray.ToImmutable(), bytes);
        }
        // Parallel: the reader fills batches of up to 64 sets (envelope items ride along in order) and hands each to the
        // pool; results and envelope items are handled on this thread in file order. At most parallelism + 1 batches are
        // in flight, so the reader waits (backpressure) rather than buffering the file.
        var inflight = new Queue<Batch>();
        var maxInFlight = _parallelism + 1;
        void Complete(Batch b)
        {
            var results = b.Work!.GetAwaiter().GetResult();
            for (var k = 0; k < b.Items.Count; k++) Handle(b.Items[k], results[k]);
        }
        void Submit(Batch b)
        {
            var items = b.Items;
            b.Work = b.Sets == 0 ? Task.FromResult(new X12SetResult?[items.Count]) : Task.Run(() => ValidateBatch(items));
            inflight.Enqueue(b);
            while (inflight.Count > maxInFlight || (inflight.Count > 0 && inflight.Peek().Work!.IsCompleted)) Complete(inflight.Dequeue());
        }
        var current = new Batch();
        foreach (var item in X12Reader.Read(stream, options))
        {
            current.Items.Add(item);
            if (item is X12SetRead read)
            {
                current.Sets++;
                current.Bytes += read.Set.ByteLength;
            }
            if (current.Sets >= BatchSets || current.Bytes >= BatchBytes || current.Items.Count >= BatchItems)
            {
                Submit(current);
                current = new Batch();
            }
        }
        if (current.Items.Count > 0) Submit(current);
        while (inflight.Count > 0) Complete(inflight.Dequeue());
        return new X12FileReport(interchanges.ToImmutable(), stray.ToImmutable(), bytes);
    }
}

using System.Collections.Immutable;
using EdiGateway.Edi.Errors;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;

namespace EdiGateway.Edi.Processing;

/// <summary>Reads and validates a whole input in one streaming pass and assembles the <see cref="X12FileReport"/>
/// that acknowledgements are built from. Memory: the largest set plus the (small) per-set results.</summary>
public sealed class X12Processor
{
    private readonly X12Validator _validator;
    private readonly X12ReaderOptions _readerOptions;
    private readonly int _parallelism;

    /// <summary>Creates a processor. With <paramref name="parallelism"/> &gt; 1, consecutive sets are validated in
    /// batches on that many threads (results and callbacks stay in file order; memory grows to one batch of sets).</summary>
    public X12Processor(SpecLibrary library, X12ValidationOptions? validation = null, X12ReaderOptions? reader = null, int parallelism = 1)
    {
        _validator = new X12Validator(library, validation);
        _readerOptions = reader ?? new X12ReaderOptions();
        _parallelism = Math.Max(1, parallelism);
    }

    private const int BatchSets = 256;
    private const long BatchBytes = 16L << 20;

    /// <summary>The validator in use.</summary>
    public X12Validator Validator => _validator;

    /// <summary>Validates a file.</summary>
    public X12FileReport ValidateFile(string path, Action<X12RawSet, X12SetResult>? onSet = null)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Validate(fs, onSet);
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
        var batch = new List<X12RawSet>(BatchSets);
        long batchBytes = 0;
        // With parallelism, batch N is validated on the pool while this thread reads batch N + 1; results are emitted
        // in file order before the next batch starts and before any envelope item is handled (at most two batches held).
        Task<X12SetResult[]>? pending = null;
        List<X12RawSet>? pendingBatch = null;
        void Emit(List<X12RawSet> sets0, X12SetResult[] results)
        {
            for (var k = 0; k < sets0.Count; k++)
            {
                sets?.Add(results[k]);
                onSet?.Invoke(sets0[k], results[k]);
            }
        }
        void Drain()
        {
            if (pending is null) return;
            var results = pending.GetAwaiter().GetResult();
            var done = pendingBatch!;
            pending = null;
            pendingBatch = null;
            Emit(done, results);
        }
        void Flush(bool wait)
        {
            if (batch.Count > 0)
            {
                Drain();
                if (_parallelism > 1 && batch.Count > 1)
                {
                    var work = batch;
                    batch = new List<X12RawSet>(BatchSets);
                    pendingBatch = work;
                    pending = Task.Run(() =>
                    {
                        var results = new X12SetResult[work.Count];
                        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, k => results[k] = _validator.Validate(work[k]));
                        return results;
                    });
                }
                else
                {
                    var results = new X12SetResult[batch.Count];
                    for (var k = 0; k < batch.Count; k++) results[k] = _validator.Validate(batch[k]);
                    Emit(batch, results);
                    batch.Clear();
                }
                batchBytes = 0;
            }
            if (wait) Drain();
        }
        foreach (var item in X12Reader.Read(stream, options))
        {
            if (item is X12SetRead read)
            {
                batch.Add(read.Set);
                batchBytes += read.Set.ByteLength;
                if (batch.Count >= (_parallelism > 1 ? BatchSets : 1) || batchBytes >= BatchBytes) Flush(wait: false);
                continue;
            }
            Flush(wait: true);
            switch (item)
            {
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
        Flush(wait: true);
        return new X12FileReport(interchanges.ToImmutable(), stray.ToImmutable(), bytes);
    }
}

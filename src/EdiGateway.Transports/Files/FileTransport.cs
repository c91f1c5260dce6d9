using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EdiGateway.Transports.Files;

/// <summary>
/// Crash-safe pickup and drop over any <see cref="IFileEndpoint"/> (reference §4.1): list twice for stability,
/// download, check size, hash, dedupe, store through the sink, record, then archive or delete remotely. A crash
/// anywhere leaves a state the next poll finishes without storing twice.
/// </summary>
public sealed class FileTransport(IFileEndpoint endpoint, FileTransportOptions options, IInboundSink sink, IRemoteFileDedupe dedupe, TimeProvider time)
{
    private readonly Regex? _ready = options.ReadyPattern is { } p
        ? new Regex("^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant)
        : null;

    /// <summary>The endpoint this transport drives.</summary>
    public IFileEndpoint Endpoint => endpoint;

    /// <summary>Uploads content under <paramref name="name"/> (temp name, then rename), retrying transient failures.</summary>
    public async Task SendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var local = Path.Combine(options.WorkDirectory, "out-" + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(local, content.ToArray(), cancellationToken);
        try
        {
            await Retry.RunAsync(ct => endpoint.UploadAsync(local, name, ct), options.MaxAttempts, options.RetryDelay, time, cancellationToken);
        }
        finally
        {
            File.Delete(local);
        }
    }

    /// <summary>One poll of the inbound location.</summary>
    public async Task<FilePollResult> PollAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var first = await ListAsync(cancellationToken);
        var notReady = new List<RemoteFile>();
        var candidates = first.Where(f => _ready?.IsMatch(f.Name) == true).ToList();
        var rest = first.Except(candidates).ToList();
        if (_ready is not null)
        {
            notReady.AddRange(rest);
        }
        else if (rest.Count > 0)
        {
            if (options.StableFor > TimeSpan.Zero)
            {
                await Task.Delay(options.StableFor, time, cancellationToken);
            }

            var second = (await ListAsync(cancellationToken)).ToDictionary(f => f.Path, StringComparer.Ordinal);
            foreach (var f in rest)
            {
                if (second.TryGetValue(f.Path, out var again) && again.Size == f.Size && again.ModifiedStamp == f.ModifiedStamp)
                {
                    candidates.Add(f);
                }
                else
                {
                    notReady.Add(f);
                }
            }
        }

        var stored = new List<string>();
        var seen = new List<RemoteFile>();
        var failed = new List<(RemoteFile, string)>();
        foreach (var file in candidates)
        {
            try
            {
                switch (await PickUpAsync(file, cancellationToken))
                {
                    case { } id when id.Length > 0:
                        stored.Add(id);
                        break;
                    case "":
                        seen.Add(file);
                        break;
                    default:
                        notReady.Add(file);
                        break;
                }
            }
            catch (TransportException ex) when (!ex.IsTransient)
            {
                failed.Add((file, ex.Message));
            }
        }

        return new FilePollResult(stored, seen, notReady, failed);
    }

    /// <summary>Returns the stored id, "" when already seen, null when the file changed while downloading.</summary>
    private async Task<string?> PickUpAsync(RemoteFile file, CancellationToken cancellationToken)
    {
        var key = new RemoteFileKey(endpoint.EndpointId, file.Path, file.Size, file.ModifiedStamp);
        if (await dedupe.FindAsync(key, null, cancellationToken) is not null)
        {
            await CompleteAsync(file, cancellationToken);
            return string.Empty;
        }

        var local = Path.Combine(options.WorkDirectory, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await Retry.RunAsync(ct => endpoint.DownloadAsync(file, local, ct), options.MaxAttempts, options.RetryDelay, time, cancellationToken);
            var bytes = await File.ReadAllBytesAsync(local, cancellationToken);
            if (bytes.LongLength != file.Size)
            {
                return null;
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (await dedupe.FindAsync(key, sha, cancellationToken) is not null)
            {
                await CompleteAsync(file, cancellationToken);
                return string.Empty;
            }

            var message = new InboundMessage(endpoint.Transport, options.PartnerId, file.Name, "application/octet-stream", bytes,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["file.endpoint"] = endpoint.EndpointId,
                    ["file.path"] = file.Path,
                    ["file.size"] = file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["file.mtime"] = file.ModifiedStamp,
                    ["file.sha256"] = sha,
                },
                time.GetUtcNow());
            var id = await sink.StoreAsync(message, cancellationToken);
            await dedupe.RecordAsync(key, sha, id, cancellationToken);
            await CompleteAsync(file, cancellationToken);
            return id;
        }
        finally
        {
            File.Delete(local);
        }
    }

    private Task CompleteAsync(RemoteFile file, CancellationToken cancellationToken) =>
        Retry.RunAsync(ct => endpoint.CompleteAsync(file, ct), options.MaxAttempts, options.RetryDelay, time, cancellationToken);

    private async Task<IReadOnlyList<RemoteFile>> ListAsync(CancellationToken cancellationToken)
    {
        var files = await Retry.RunAsync(endpoint.ListInboundAsync, options.MaxAttempts, options.RetryDelay, time, cancellationToken);
        return files.Where(f => !f.Name.StartsWith('.') && !options.IgnoredSuffixes.Any(s => f.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}

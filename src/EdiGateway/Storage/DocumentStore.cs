using System.Security.Cryptography;
using EdiGateway.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EdiGateway.Storage;

/// <summary>
/// Immutable, content-addressed storage for every byte received or sent. A document is durable (bytes
/// flushed to disk and its row committed) when <see cref="StoreAsync"/> returns, and only then may the
/// sender be acknowledged.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the content once; a second store of the same bytes returns the same hash with <c>AlreadyStored</c>.</summary>
    Task<StoredDocumentResult> StoreAsync(Stream content, DocumentInfo info, CancellationToken ct);

    /// <summary>
    /// Stores many small derived documents (sets cut out of a stored interchange) with one database round trip;
    /// returns their addresses in order.
    /// </summary>
    Task<IReadOnlyList<StoredDocumentResult>> StoreDerivedAsync(IReadOnlyList<(byte[] Content, DocumentInfo Info)> documents, CancellationToken ct);

    /// <summary>Opens stored bytes for reading; throws <see cref="FileNotFoundException"/> for an unknown hash.</summary>
    Stream OpenRead(string sha256);

    /// <summary>Re-hashes the stored bytes: false if missing or changed on disk.</summary>
    Task<bool> VerifyAsync(string sha256, CancellationToken ct);
}

/// <summary>What is known about bytes when they are stored.</summary>
/// <param name="ContentType">Media type.</param>
/// <param name="OriginalName">Name as delivered or produced.</param>
/// <param name="Derived">True for bytes rebuilt from another stored document (one set cut out of an interchange):
/// they are not flushed to disk one by one, since a crash can only lose what can be derived again.</param>
public sealed record DocumentInfo(string? ContentType = null, string? OriginalName = null, bool Derived = false);

/// <summary>The address of stored bytes and whether they were new.</summary>
public sealed record StoredDocumentResult(string Sha256, long Length, bool AlreadyStored);

/// <summary>
/// Bytes under <c>{root}/ab/cd/abcd...</c>, written to a temporary file, flushed to disk, then renamed into
/// place, so a crash never leaves a half-written document under its hash. The database row is written after
/// the bytes; an orphan file from a crash in between is harmless and reused on the next store.
/// </summary>
public sealed class FileSystemDocumentStore(string root, IDbContextFactory<GatewayDbContext> factory, TimeProvider clock) : IDocumentStore
{
    private readonly string incoming = Path.Combine(root, ".incoming");

    public string Root => root;

    public async Task<StoredDocumentResult> StoreAsync(Stream content, DocumentInfo info, CancellationToken ct)
    {
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        string sha;
        long length;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            }))
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(), ct)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }

                file.Flush(flushToDisk: !info.Derived);
                length = file.Length;
            }

            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, final);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(final, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                }
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Documents.Add(new StoredDocument
        {
            Sha256 = sha,
            Length = length,
            ContentType = info.ContentType,
            OriginalName = info.OriginalName,
            StoredAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return new StoredDocumentResult(sha, length, AlreadyStored: false);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new StoredDocumentResult(sha, length, AlreadyStored: true);
        }
    }

    public async Task<IReadOnlyList<StoredDocumentResult>> StoreDerivedAsync(IReadOnlyList<(byte[] Content, DocumentInfo Info)> documents, CancellationToken ct)
    {
        var results = new List<StoredDocumentResult>(documents.Count);
        var rows = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var (content, info) in documents)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var final = PathOf(sha);
            if (!File.Exists(final))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                Directory.CreateDirectory(incoming);
                var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
                await File.WriteAllBytesAsync(temp, content, ct);
                try
                {
                    File.Move(temp, final);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(final, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                    }
                }
                catch (IOException) when (File.Exists(final))
                {
                    TryDelete(temp);
                }
            }

            rows.TryAdd(sha, new StoredDocument { Sha256 = sha, Length = content.Length, ContentType = info.ContentType, OriginalName = info.OriginalName, StoredAt = now });
            results.Add(new StoredDocumentResult(sha, content.Length, AlreadyStored: false));
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = rows.Keys.ToList();
        var existing = await db.Documents.AsNoTracking().Where(d => keys.Contains(d.Sha256)).Select(d => d.Sha256).ToListAsync(ct);
        foreach (var sha in existing)
        {
            rows.Remove(sha);
        }

        db.Documents.AddRange(rows.Values);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent writer stored one of them meanwhile: fall back to one by one.
            foreach (var row in rows.Values)
            {
                await using var one = await factory.CreateDbContextAsync(ct);
                one.Documents.Add(row);
                try
                {
                    await one.SaveChangesAsync(ct);
                }
                catch (DbUpdateException again) when (UniqueViolation.Is(again))
                {
                }
            }
        }

        var already = existing.ToHashSet(StringComparer.Ordinal);
        return [.. results.Select(r => already.Contains(r.Sha256) ? r with { AlreadyStored = true } : r)];
    }

    public Stream OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : throw new FileNotFoundException($"Document {sha256} is not in the document store at '{root}'.", path);
    }

    public async Task<bool> VerifyAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var stream = OpenRead(sha256);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return string.Equals(actual, sha256, StringComparison.Ordinal);
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}

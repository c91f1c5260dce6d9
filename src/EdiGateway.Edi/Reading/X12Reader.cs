namespace EdiGateway.Edi.Reading;

/// <summary>Entry points of the streaming X12 reader: one <see cref="X12ReadItem"/> at a time, memory bounded
/// by the largest transaction set. Never throws on partner data; problems come back as errors with positions.</summary>
public static class X12Reader
{
    /// <summary>Reads interchanges from <paramref name="stream"/> (not disposed).</summary>
    public static IEnumerable<X12ReadItem> Read(Stream stream, X12ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(stream, options ?? new X12ReaderOptions(), leaveOpen: true);
    }

    /// <summary>Reads interchanges from the file at <paramref name="path"/>.</summary>
    public static IEnumerable<X12ReadItem> ReadFile(string path, X12ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadCore(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            options ?? new X12ReaderOptions(), leaveOpen: false);
    }

    /// <summary>Reads interchanges from bytes in memory.</summary>
    public static IEnumerable<X12ReadItem> Read(byte[] data, X12ReaderOptions? options = null) =>
        Read(new MemoryStream(data, writable: false), options);

    private static IEnumerable<X12ReadItem> ReadCore(Stream stream, X12ReaderOptions options, bool leaveOpen)
    {
        using var reader = new X12StreamReader(stream, options);
        try
        {
            foreach (var item in reader.ReadItems())
                yield return item;
        }
        finally
        {
            if (!leaveOpen) stream.Dispose();
        }
    }
}

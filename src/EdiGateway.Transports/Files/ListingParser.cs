using System.Text.RegularExpressions;

namespace EdiGateway.Transports.Files;

/// <summary>Parses Unix <c>ls -l</c> style listings (OpenSSH sftp <c>ls -l</c>, FTP LIST from vsftpd and pure-ftpd).</summary>
public static partial class ListingParser
{
    /// <summary>Regular files only; directories, links and unparseable lines are skipped.</summary>
    public static IReadOnlyList<RemoteFile> Parse(string listing, string directory)
    {
        var files = new List<RemoteFile>();
        foreach (var raw in listing.Split('\n'))
        {
            var m = LongLine().Match(raw.TrimEnd('\r'));
            if (!m.Success || m.Groups["type"].Value != "-")
            {
                continue;
            }

            // sftp prints the full path when ls is given a directory; FTP LIST prints bare names.
            var name = m.Groups["name"].Value;
            name = name[(name.LastIndexOf('/') + 1)..];
            if (name is "." or "..")
            {
                continue;
            }

            var stamp = string.Join(' ', m.Groups["mtime"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            files.Add(new RemoteFile(name, directory.TrimEnd('/') + "/" + name, long.Parse(m.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture), stamp));
        }

        return files;
    }

    [GeneratedRegex(@"^(?<type>[-dlbcps])[rwxsStT-]{9}\S*\s+\S+\s+\S+\s+\S+\s+(?<size>\d+)\s+(?<mtime>[A-Za-z]{3}\s+\d{1,2}\s+[\d:]{4,5})\s(?<name>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LongLine();
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdiGateway.Tests.Transports;

/// <summary>A real OpenSSH sshd (internal-sftp only, key auth, 127.0.0.1) in its own temp folder, stopped by its PID.</summary>
internal sealed class SshdPeer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    private SshdPeer(string root, int port)
    {
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public string Folder(string name) => Path.Combine(Root, "data", name);

    public string ClientKey => Path.Combine(Root, "clientkey");

    public string HostKeyPub => Path.Combine(Root, "hostkey.pub");

    public static async Task<SshdPeer> StartAsync()
    {
        var sshd = TransportTestKit.Require("/usr/sbin/sshd", "apt-get install -y openssh-server");
        TransportTestKit.Require("sftp", "apt-get install -y openssh-client");
        var root = Path.Combine(Path.GetTempPath(), "edigw-sshd-" + Guid.NewGuid().ToString("N")[..8]);
        var peer = new SshdPeer(root, TransportTestKit.FreePort());
        foreach (var d in new[] { "outbound", "inbound", "archive" })
        {
            Directory.CreateDirectory(peer.Folder(d));
        }

        foreach (var k in new[] { "hostkey", "clientkey" })
        {
            await TransportTestKit.RunAsync("ssh-keygen", "apt-get install -y openssh-client", "-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(root, k));
        }

        File.Copy(Path.Combine(root, "clientkey.pub"), Path.Combine(root, "authorized_keys"));
        string[] config =
        [
            "Port " + peer.Port, "ListenAddress 127.0.0.1", "HostKey " + Path.Combine(root, "hostkey"), "PidFile " + Path.Combine(root, "sshd.pid"),
            "AuthorizedKeysFile " + Path.Combine(root, "authorized_keys"), "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "UsePAM no", "StrictModes no", "PermitRootLogin prohibit-password", "AllowUsers " + Environment.UserName,
            "Subsystem sftp internal-sftp", "ForceCommand internal-sftp", "AllowTcpForwarding no", "X11Forwarding no", "PermitTTY no",
        ];
        File.WriteAllLines(Path.Combine(root, "sshd_config"), config);
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd");
        }

        var psi = new ProcessStartInfo(sshd) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-D", "-e", "-f", Path.Combine(root, "sshd_config") })
        {
            psi.ArgumentList.Add(a);
        }

        peer.process = Process.Start(psi)!;
        peer.process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { peer.output.Enqueue(e.Data); } };
        peer.process.BeginErrorReadLine();
        await TransportTestKit.WaitUntilAsync(
            () => peer.process.HasExited || peer.output.Any(l => l.Contains("Server listening", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "sshd to listen");
        Assert.False(peer.process.HasExited, "sshd exited: " + string.Join("\n", peer.output));
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}

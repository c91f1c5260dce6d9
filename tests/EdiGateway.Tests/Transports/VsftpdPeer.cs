using System.Diagnostics;

namespace EdiGateway.Tests.Transports;

/// <summary>A real vsftpd with explicit FTPS (self-signed certificate with an IP SAN) on 127.0.0.1 in its own temp folder, stopped by its PID.</summary>
internal sealed class VsftpdPeer : IAsyncDisposable
{
    private Process? process;

    private VsftpdPeer(string root, int port)
    {
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public string Folder(string name) => Path.Combine(Root, "root", name);

    public string Certificate => Path.Combine(Root, "ftps.crt");

    public static async Task<VsftpdPeer> StartAsync()
    {
        var vsftpd = TransportTestKit.Require("/usr/sbin/vsftpd", "apt-get install -y vsftpd");
        TransportTestKit.Require("curl", "apt-get install -y curl");
        var root = Path.Combine(Path.GetTempPath(), "edigw-ftp-" + Guid.NewGuid().ToString("N")[..8]);
        var peer = new VsftpdPeer(root, TransportTestKit.FreePort());
        foreach (var d in new[] { peer.Folder("outbound"), peer.Folder("inbound"), peer.Folder("archive"), Path.Combine(root, "empty") })
        {
            Directory.CreateDirectory(d);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "empty"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await TransportTestKit.RunAsync("openssl", "apt-get install -y openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(root, "ftps.key"),
            "-out", peer.Certificate, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        var pasv = TransportTestKit.FreePort();
        string[] config =
        [
            "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + peer.Port, "background=NO", "run_as_launching_user=YES",
            "ftp_username=" + Environment.UserName, "anonymous_enable=YES", "no_anon_password=YES", "anon_root=" + Path.Combine(root, "root"),
            "local_enable=NO", "write_enable=YES", "anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES",
            "anon_umask=022", "secure_chroot_dir=" + Path.Combine(root, "empty"), "pasv_enable=YES", "pasv_address=127.0.0.1",
            "pasv_min_port=" + pasv, "pasv_max_port=" + (pasv + 20), "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=YES",
            "force_anon_data_ssl=YES", "require_ssl_reuse=NO", "rsa_cert_file=" + peer.Certificate, "rsa_private_key_file=" + Path.Combine(root, "ftps.key"),
            "xferlog_enable=YES", "xferlog_file=" + Path.Combine(root, "xferlog"), "vsftpd_log_file=" + Path.Combine(root, "vsftpd.log"),
            "dual_log_enable=YES", "seccomp_sandbox=NO",
        ];
        File.WriteAllLines(Path.Combine(root, "vsftpd.conf"), config);
        var psi = new ProcessStartInfo(vsftpd) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(root, "vsftpd.conf"));
        peer.process = Process.Start(psi)!;
        await TransportTestKit.WaitUntilAsync(() => peer.process.HasExited || Listening(peer.Port), TimeSpan.FromSeconds(10), "vsftpd to listen");
        if (peer.process.HasExited)
        {
            Assert.Fail("vsftpd exited: " + await peer.process.StandardError.ReadToEndAsync() + await peer.process.StandardOutput.ReadToEndAsync());
        }

        return peer;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var c = new System.Net.Sockets.TcpClient();
            c.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
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

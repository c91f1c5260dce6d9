using EdiGateway.Transports.Files;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>A real vsftpd with explicit FTPS (self-signed cert, IP SAN) on 127.0.0.1 in its own temp dir; killed by PID.</summary>
public sealed class VsftpdServer : IAsyncDisposable
{
    private PeerProcess? _process;

    private VsftpdServer(string root, int port)
    {
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public string Inbound => Path.Combine(Root, "root", "inbound");

    public string Outbound => Path.Combine(Root, "root", "outbound");

    public string Archive => Path.Combine(Root, "root", "archive");

    public string Certificate => Path.Combine(Root, "ftps.crt");

    public string OtherCertificate => Path.Combine(Root, "other.crt");

    private string Vsftpd { get; set; } = string.Empty;

    public static async Task<VsftpdServer> CreateAsync()
    {
        var vsftpd = Tool.Require("/usr/sbin/vsftpd", "apt-get install -y vsftpd");
        Tool.Require("curl", "apt-get install -y curl");
        var root = Tool.TempDir("edigw-ftp");
        var server = new VsftpdServer(root, FreePort.Next()) { Vsftpd = vsftpd };
        foreach (var d in new[] { server.Inbound, server.Outbound, server.Archive, Path.Combine(root, "empty") })
        {
            Directory.CreateDirectory(d);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "empty"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        foreach (var (key, crt) in new[] { ("ftps.key", "ftps.crt"), ("other.key", "other.crt") })
        {
            var r = await Tool.OpensslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(root, key), "-out", Path.Combine(root, crt),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
            Assert.True(r.ExitCode == 0, r.StandardError);
        }

        var pasv = FreePort.Next();
        string[] config =
        [
            "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + server.Port, "background=NO", "run_as_launching_user=YES",
            "ftp_username=" + Environment.UserName, "anonymous_enable=YES", "no_anon_password=YES", "anon_root=" + Path.Combine(root, "root"),
            "local_enable=NO", "write_enable=YES", "anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES",
            "anon_umask=022", "secure_chroot_dir=" + Path.Combine(root, "empty"), "pasv_enable=YES", "pasv_address=127.0.0.1",
            "pasv_min_port=" + pasv, "pasv_max_port=" + (pasv + 20), "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=YES",
            "force_anon_data_ssl=YES", "require_ssl_reuse=NO", "rsa_cert_file=" + server.Certificate, "rsa_private_key_file=" + Path.Combine(root, "ftps.key"),
            "xferlog_enable=YES", "xferlog_file=" + Path.Combine(root, "xferlog"), "vsftpd_log_file=" + Path.Combine(root, "vsftpd.log"),
            "dual_log_enable=YES", "seccomp_sandbox=NO",
        ];
        File.WriteAllLines(Path.Combine(root, "vsftpd.conf"), config);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _process = PeerProcess.Start(Vsftpd, [Path.Combine(Root, "vsftpd.conf")]);
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public FtpEndpointOptions Options(string? caFile = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        User = "anonymous",
        Password = string.Empty,
        Security = FtpSecurity.ExplicitTls,
        CaCertificatePath = caFile ?? Certificate,
        InboundPath = "inbound",
        OutboundPath = "outbound",
        ArchivePath = "../archive",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(60),
    };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Root, true);
    }
}

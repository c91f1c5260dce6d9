using EdiGateway.Transports.Files;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>A real OpenSSH sshd (internal-sftp only, key auth, 127.0.0.1) in its own temp dir; killed by PID.</summary>
public sealed class SshdServer : IAsyncDisposable
{
    private PeerProcess? _process;

    private SshdServer(string root, int port)
    {
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public string Data => Path.Combine(Root, "data");

    public string Inbound => Path.Combine(Data, "inbound");

    public string Outbound => Path.Combine(Data, "outbound");

    public string Archive => Path.Combine(Data, "archive");

    public string KnownHosts => Path.Combine(Root, "known_hosts");

    public string WrongKnownHosts => Path.Combine(Root, "known_hosts_wrong");

    public static async Task<SshdServer> CreateAsync()
    {
        var sshd = Tool.Require("/usr/sbin/sshd", "apt-get install -y openssh-server");
        Tool.Require("sftp", "apt-get install -y openssh-client");
        var root = Tool.TempDir("edigw-sshd");
        var server = new SshdServer(root, FreePort.Next());
        foreach (var d in new[] { server.Inbound, server.Outbound, server.Archive })
        {
            Directory.CreateDirectory(d);
        }

        foreach (var k in new[] { "hostkey", "clientkey", "otherhostkey" })
        {
            var r = await Tool.RunAsync("ssh-keygen", "apt-get install -y openssh-client", "-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(root, k));
            Assert.True(r.ExitCode == 0, r.StandardError);
        }

        File.Copy(Path.Combine(root, "clientkey.pub"), Path.Combine(root, "authorized_keys"));
        File.WriteAllText(server.KnownHosts, EdiGateway.Transports.Files.KnownHosts.Line("127.0.0.1", server.Port, File.ReadAllText(Path.Combine(root, "hostkey.pub"))) + "\n");
        File.WriteAllText(server.WrongKnownHosts, EdiGateway.Transports.Files.KnownHosts.Line("127.0.0.1", server.Port, File.ReadAllText(Path.Combine(root, "otherhostkey.pub"))) + "\n");
        string[] config =
        [
            "Port " + server.Port, "ListenAddress 127.0.0.1", "HostKey " + Path.Combine(root, "hostkey"), "PidFile " + Path.Combine(root, "sshd.pid"),
            "AuthorizedKeysFile " + Path.Combine(root, "authorized_keys"), "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "UsePAM no", "StrictModes no", "PermitRootLogin prohibit-password", "AllowUsers " + Environment.UserName,
            "Subsystem sftp internal-sftp", "ForceCommand internal-sftp", "AllowTcpForwarding no", "X11Forwarding no", "PermitTTY no",
        ];
        File.WriteAllLines(Path.Combine(root, "sshd_config"), config);
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd");
        }

        server.Sshd = sshd;
        await server.StartAsync();
        return server;
    }

    private string Sshd { get; set; } = string.Empty;

    public async Task StartAsync()
    {
        _process = PeerProcess.Start(Sshd, ["-D", "-e", "-f", Path.Combine(Root, "sshd_config")]);
        await _process.WaitForAsync("Server listening", TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public SftpEndpointOptions Options(string? knownHosts = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        User = Environment.UserName,
        PrivateKeyPath = Path.Combine(Root, "clientkey"),
        KnownHostsPath = knownHosts ?? KnownHosts,
        InboundPath = Inbound,
        OutboundPath = Outbound,
        ArchivePath = Archive,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(60),
    };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Root, true);
    }
}

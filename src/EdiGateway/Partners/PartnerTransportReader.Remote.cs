using EdiGateway.Transports.Files;

namespace EdiGateway.Partners;

/// <summary>SFTP / FTP / FTPS settings: server, credentials by reference, pinned host key or certificate, remote folders.</summary>
internal static partial class PartnerTransportReader
{
    private static RemoteTransportSettings? ReadRemote(string directory, string type, IReadOnlyDictionary<string, string> s, Action<string, string> problem)
    {
        var host = Required(s, "host", problem);
        var user = Required(s, "user", problem);
        var security = FtpSecurity.None;
        if (type == "ftps")
        {
            security = s.GetValueOrDefault("tls", "explicit") switch
            {
                "explicit" => FtpSecurity.ExplicitTls,
                "implicit" => FtpSecurity.ImplicitTls,
                var other => Fail<FtpSecurity>(problem, "tls", $"'{other}' must be explicit or implicit"),
            };
        }

        var port = Number(s, "port", type == "sftp" ? 22 : security == FtpSecurity.ImplicitTls ? 990 : 21, 1, 65535, problem);
        string? keyFile = null, hostKey = null, password = null, pin = null, ca = null;
        if (type == "sftp")
        {
            keyFile = Required(s, "keyFile", problem);
            hostKey = PartnerFile(directory, s, "hostKey", required: true, problem);
            if (hostKey is not null && File.ReadAllText(hostKey).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is not { Length: >= 2 })
            {
                problem("hostKey", "must be an OpenSSH public key line: '<type> <base64> [comment]'");
            }
        }
        else
        {
            password = Required(s, "passwordSecret", problem);
            if (password is not null)
            {
                SecretReference.Check(password, "passwordSecret", problem);
            }

            pin = s.GetValueOrDefault("certificatePin");
            ca = PartnerFile(directory, s, "caCertificate", required: false, problem);
            if (pin is not null && !pin.StartsWith("sha256//", StringComparison.Ordinal))
            {
                problem("certificatePin", $"'{pin}' must be sha256//<base64 of the server public key hash>");
            }

            if (type == "ftps" && pin is null && ca is null)
            {
                problem("certificatePin", "FTPS needs certificatePin or caCertificate so the server certificate is checked");
            }
        }

        var pickup = Required(s, "pickup", problem);
        var drop = Required(s, "drop", problem);
        var afterPickup = s.GetValueOrDefault("afterPickup", "archive");
        var archive = s.GetValueOrDefault("archive");
        if (afterPickup == "archive" && archive is null)
        {
            problem("archive", "is required when afterPickup is archive (or set afterPickup: delete)");
        }
        else if (afterPickup is not ("archive" or "delete"))
        {
            problem("afterPickup", $"'{afterPickup}' must be archive or delete");
        }

        TimeSpan? poll = s.ContainsKey("pollSeconds") ? Seconds(s, "pollSeconds", 60, problem) : null;
        return host is null || user is null || pickup is null || drop is null
            ? null
            : new RemoteTransportSettings
            {
                Host = host,
                Port = port,
                User = user,
                KeyFile = keyFile,
                PasswordSecret = password,
                HostKeyFile = hostKey,
                CertificatePin = pin,
                CaCertificateFile = ca,
                Security = security,
                Pickup = pickup,
                Drop = drop,
                Archive = afterPickup == "delete" ? null : archive,
                PollInterval = poll,
            };
    }
}

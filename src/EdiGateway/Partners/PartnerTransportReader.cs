using EdiGateway.Transports.As2;
using EdiGateway.Transports.Cms;

namespace EdiGateway.Partners;

/// <summary>
/// Turns <c>transport.settings</c> into typed, validated settings for the transport type; every problem is
/// reported as <c>transport.settings.&lt;key&gt;</c> with the reason, like the rest of the loader.
/// </summary>
internal static partial class PartnerTransportReader
{
    public static PartnerTransport? Read(string directory, string type, IReadOnlyDictionary<string, string> settings, TimeProvider clock, Action<string, string> problem)
    {
        var failed = false;
        void Problem(string key, string reason)
        {
            failed = true;
            problem("transport.settings." + key, reason);
        }

        var transport = new PartnerTransport(type, settings);
        switch (type)
        {
            case "as2":
                var as2 = ReadAs2(directory, settings, clock, Problem);
                return failed ? null : transport with { As2 = as2 };
            case "sftp" or "ftp" or "ftps":
                var remote = ReadRemote(directory, type, settings, Problem);
                return failed ? null : transport with { Remote = remote };
            default:
                return transport;
        }
    }

    private static As2TransportSettings? ReadAs2(string directory, IReadOnlyDictionary<string, string> s, TimeProvider clock, Action<string, string> problem)
    {
        var partnerId = Required(s, "partnerAs2Id", problem);
        var ourId = Required(s, "ourAs2Id", problem);
        foreach (var (key, value) in new[] { ("partnerAs2Id", partnerId), ("ourAs2Id", ourId) })
        {
            if (value is not null && (value.Length > 128 || value.Any(c => c < 0x20 || c > 0x7E)))
            {
                problem(key, $"'{value}' must be 1 to 128 printable ASCII characters (RFC 4130 §6.2)");
            }
        }

        var url = Url(s, "partnerUrl", required: true, problem);
        MicAlgorithm? signing = MicAlgorithm.Sha256;
        if (s.TryGetValue("signing", out var sign) && sign != "none")
        {
            signing = MicAlgorithms.TryParse(sign, out var alg) ? alg : Fail<MicAlgorithm?>(problem, "signing", $"'{sign}' must be sha-256, sha-384, sha-512, sha-1 or none");
        }
        else if (sign == "none")
        {
            signing = null;
        }

        ContentEncryption? encryption = s.GetValueOrDefault("encryption", "aes256-cbc") switch
        {
            "aes256-cbc" => ContentEncryption.Aes256Cbc,
            "aes192-cbc" => ContentEncryption.Aes192Cbc,
            "aes128-cbc" => ContentEncryption.Aes128Cbc,
            "3des" => ContentEncryption.TripleDesCbc,
            "none" => null,
            var other => Fail<ContentEncryption?>(problem, "encryption", $"'{other}' must be aes256-cbc, aes192-cbc, aes128-cbc, 3des or none"),
        };
        var compression = s.GetValueOrDefault("compression", "none") switch
        {
            "none" => As2Compression.None,
            "before-signing" => As2Compression.BeforeSigning,
            "after-signing" => As2Compression.AfterSigning,
            var other => Fail<As2Compression>(problem, "compression", $"'{other}' must be none, before-signing or after-signing"),
        };
        var mdn = s.GetValueOrDefault("mdn", "sync") switch
        {
            "sync" => As2MdnMode.Sync,
            "async" => As2MdnMode.Async,
            "none" => As2MdnMode.None,
            var other => Fail<As2MdnMode>(problem, "mdn", $"'{other}' must be sync, async or none"),
        };
        var asyncUrl = Url(s, "asyncMdnUrl", required: mdn == As2MdnMode.Async, problem);
        var presetName = s.GetValueOrDefault("preset", "default");
        if (!As2InteropPreset.Named.TryGetValue(presetName, out var preset))
        {
            problem("preset", $"'{presetName}' is not one of {string.Join(", ", As2InteropPreset.Named.Keys.Order(StringComparer.Ordinal))}");
            preset = As2InteropPreset.Default;
        }

        if (!preset.CompressionAllowed && compression != As2Compression.None)
        {
            problem("compression", $"preset '{preset.Name}' does not allow compression");
        }

        var ourKey = s.GetValueOrDefault("ourKey") ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        if (ourKey.Length == 0 || ourKey.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || ourKey.StartsWith('.'))
        {
            problem("ourKey", $"'{ourKey}' must be a key name of letters, digits, '-', '_' or '.' (data/keys/<name>.key.protected)");
        }

        var password = s.GetValueOrDefault("ourKeyPassword");
        if (password is not null)
        {
            SecretReference.Check(password, "ourKeyPassword", problem);
        }

        var certificates = PartnerCertificateFiles.Read(directory, s.GetValueOrDefault("partnerCertificates"), clock, problem);
        var mdnTimeout = Seconds(s, "mdnTimeoutSeconds", 120, problem);
        var attempts = Number(s, "attempts", 2, 1, 10, problem);
        var retry = Seconds(s, "retrySeconds", 10, problem);
        return partnerId is null || ourId is null || url is null
            ? null
            : new As2TransportSettings
            {
                PartnerAs2Id = partnerId,
                OurAs2Id = ourId,
                PartnerUrl = url,
                Signing = signing,
                Encryption = encryption,
                Compression = compression,
                MdnMode = mdn,
                SignedMdn = Bool(s, "signedMdn", true, problem),
                AsyncMdnUrl = asyncUrl,
                Preset = preset,
                PartnerCertificates = certificates,
                OurKey = ourKey,
                OurKeyPassword = password,
                RequireSignedInbound = Bool(s, "requireSigned", true, problem),
                RequireEncryptedInbound = Bool(s, "requireEncrypted", true, problem),
                MdnTimeout = mdnTimeout,
                Attempts = attempts,
                RetryDelay = retry,
            };
    }
}

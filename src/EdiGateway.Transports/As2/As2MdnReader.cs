using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdiGateway.Transports.Cms;
using EdiGateway.Transports.Mime;

namespace EdiGateway.Transports.As2;

/// <summary>Reads partners' MDNs tolerantly (reference §1.7, R2, R17): signed or not, parts without Content-Type, any case.</summary>
public static class As2MdnReader
{
    /// <summary>True when the HTTP entity is a receipt (multipart/report, or multipart/signed around one).</summary>
    public static bool IsMdn(IReadOnlyList<MimeHeader> httpHeaders, ReadOnlyMemory<byte> body)
    {
        var ct = MimeContentType.Parse(httpHeaders.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value);
        if (ct.MediaType == "multipart/report")
        {
            return true;
        }

        if (!ct.IsMultipartSigned || !MimeEntity.TryParse(Outer(httpHeaders, body), out var e, out _) || !MimeMultipart.TrySplit(e, out var parts, out _) || parts.Count == 0)
        {
            return false;
        }

        return MimeEntity.TryParse(parts[0], out var p1, out _) && p1.ContentType.MediaType == "multipart/report";
    }

    /// <summary>Parses the receipt; verifies its signature against <paramref name="partnerCertificates"/> when signed.</summary>
    public static As2ReceivedMdn Read(IReadOnlyList<MimeHeader> httpHeaders, ReadOnlyMemory<byte> body, IReadOnlyList<X509Certificate2> partnerCertificates)
    {
        if (!MimeEntity.TryParse(Outer(httpHeaders, body), out var entity, out var err))
        {
            return Invalid(err);
        }

        var signed = false;
        var valid = false;
        var detail = "unsigned";
        if (entity.ContentType.IsMultipartSigned)
        {
            signed = true;
            if (!MimeMultipart.TrySplit(entity, out var parts, out err) || parts.Count < 2)
            {
                return Invalid(err);
            }

            if (MimeEntity.TryParse(parts[1], out var sigEntity, out _) && sigEntity.TryDecodeBody(out var sig))
            {
                var check = CmsSignature.VerifyDetached(parts[0], sig, partnerCertificates, isText: false);
                valid = check.IsValid;
                detail = check.IsValid ? "signature verified (" + check.Variant + ")" : check.Detail;
            }
            else
            {
                detail = "signature part unreadable";
            }

            if (!MimeEntity.TryParse(parts[0], out entity, out err))
            {
                return Invalid(err);
            }
        }

        if (entity.ContentType.MediaType != "multipart/report" || !MimeMultipart.TrySplit(entity, out var reportParts, out err))
        {
            return Invalid("not a multipart/report: " + entity.ContentType.MediaType);
        }

        string? human = null;
        IReadOnlyList<MimeHeader>? fields = null;
        foreach (var raw in reportParts)
        {
            if (!MimeEntity.TryParse(raw, out var part, out _))
            {
                continue;
            }

            var hasType = part["Content-Type"] is not null;
            if (part.ContentType.MediaType == "message/disposition-notification" || (!hasType && fields is null && human is not null))
            {
                fields = MimeEntity.ParseHeaders(Encoding.Latin1.GetString(part.Body.Span));
            }
            else if (human is null)
            {
                human = Encoding.UTF8.GetString(part.Body.Span).Trim();
            }
        }

        if (fields is null)
        {
            return Invalid("no disposition-notification part");
        }

        string? Field(string name) => fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
        var disposition = As2Disposition.TryParse(Field("Disposition"));
        if (disposition is not null && disposition.ModifierKind is null)
        {
            foreach (var kind in new[] { "Error", "Failure", "Warning" })
            {
                if (Field(kind) is { } text)
                {
                    disposition = disposition with { ModifierKind = kind.ToLowerInvariant(), ModifierText = text };
                    break;
                }
            }
        }

        string? mic = null;
        string? micAlg = null;
        if (Field("Received-Content-MIC") is { } micField)
        {
            var comma = micField.LastIndexOf(',');
            mic = (comma >= 0 ? micField[..comma] : micField).Trim();
            micAlg = comma >= 0 ? micField[(comma + 1)..].Trim() : null;
        }

        return new As2ReceivedMdn(Field("Original-Message-ID"), disposition, mic, micAlg, signed, valid, detail, human);
    }

    private static byte[] Outer(IReadOnlyList<MimeHeader> httpHeaders, ReadOnlyMemory<byte> body)
    {
        var headers = httpHeaders.Where(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).ToList();
        var bytes = body.ToArray();
        var cte = httpHeaders.FirstOrDefault(h => h.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        if (string.Equals(cte, "base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                bytes = Convert.FromBase64String(Encoding.ASCII.GetString(bytes));
            }
            catch (FormatException)
            {
                bytes = [];
            }
        }

        return MimeWriter.Entity(headers, bytes);
    }

    private static As2ReceivedMdn Invalid(string detail) => new(null, null, null, null, false, false, detail, null);
}

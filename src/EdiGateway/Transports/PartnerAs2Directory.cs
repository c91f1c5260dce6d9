using System.Collections.Concurrent;
using EdiGateway.Partners;
using EdiGateway.Transports.As2;

namespace EdiGateway.Transports;

/// <summary>
/// The AS2 agreements of the partner catalog: (AS2-From, AS2-To) to the partner's <see cref="As2PartnerOptions"/>,
/// compared case-sensitively, rebuilt when the profile or our key pair changes. A partner whose key pair is missing has no agreement.
/// </summary>
public sealed class PartnerAs2Directory(PartnerCatalog catalog, PartnerKeyStore keys) : IAs2PartnerDirectory
{
    private readonly ConcurrentDictionary<PartnerProfile, As2PartnerOptions> built = new(ReferenceEqualityComparer.Instance);

    public As2PartnerOptions? Find(string partnerAs2Id, string localAs2Id)
    {
        var partner = catalog.Current?.Partners.Values.FirstOrDefault(p =>
            p.Transport?.As2 is { } a && string.Equals(a.PartnerAs2Id, partnerAs2Id, StringComparison.Ordinal) &&
            string.Equals(a.OurAs2Id, localAs2Id, StringComparison.Ordinal));
        return partner is null ? null : For(partner);
    }

    /// <summary>The agreement of an AS2 partner; null when it is not an AS2 partner or our key pair is missing.</summary>
    public As2PartnerOptions? For(PartnerProfile partner)
    {
        if (partner.Transport?.As2 is not { } as2)
        {
            return null;
        }

        var key = keys.Find(partner, as2);
        if (key.Certificate is null)
        {
            return null;
        }

        if (built.TryGetValue(partner, out var options) && ReferenceEquals(options.LocalCertificate, key.Certificate))
        {
            return options;
        }

        if (built.Count > 256)
        {
            built.Clear();
        }

        return built[partner] = new As2PartnerOptions
        {
            PartnerId = partner.Id,
            LocalAs2Id = as2.OurAs2Id,
            PartnerAs2Id = as2.PartnerAs2Id,
            PartnerUrl = as2.PartnerUrl,
            LocalCertificate = key.Certificate,
            PartnerCertificates = [.. as2.PartnerCertificates.Select(c => c.Certificate)],
            Signing = as2.Signing,
            Encryption = as2.Encryption,
            Compression = as2.Compression,
            MdnMode = as2.MdnMode,
            RequestSignedMdn = as2.SignedMdn,
            AsyncMdnUrl = as2.AsyncMdnUrl,
            AllowedAsyncMdnUrlPrefixes = [as2.PartnerUrl.GetLeftPart(UriPartial.Authority) + "/"],
            RequireSignedInbound = as2.RequireSignedInbound,
            RequireEncryptedInbound = as2.RequireEncryptedInbound,
            MdnTimeout = as2.MdnTimeout,
            MaxAttempts = as2.Attempts,
            RetryDelay = as2.RetryDelay,
            Interop = as2.Preset,
        };
    }
}

using EdiGateway.Transports.As2;

namespace EdiGateway.Transports.Tests.Support;

/// <summary>An <see cref="IAs2PartnerDirectory"/> over a fixed list of inbound profiles.</summary>
public sealed class StaticDirectory(params As2PartnerOptions[] profiles) : IAs2PartnerDirectory
{
    public As2PartnerOptions? Find(string partnerAs2Id, string localAs2Id) =>
        profiles.FirstOrDefault(p => p.PartnerAs2Id == partnerAs2Id && p.LocalAs2Id == localAs2Id);
}

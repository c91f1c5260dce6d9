using EdiGateway.Edi.Writing;
using EdiGateway.Partners;

namespace EdiGateway.Flows;

/// <summary>The envelope of what we send a partner: our identifiers as sender, theirs as receiver, ISA15 from the profile's mode.</summary>
public static class PartnerEnvelope
{
    public static X12EnvelopeOptions For(PartnerProfile partner, string interchangeVersion = "00401")
    {
        ArgumentNullException.ThrowIfNull(partner);
        var ids = partner.Identifiers;
        return new X12EnvelopeOptions
        {
            SenderQualifier = ids.Ours.Qualifier,
            SenderId = ids.Ours.Id,
            ReceiverQualifier = ids.Partner.Qualifier,
            ReceiverId = ids.Partner.Id,
            GroupSender = ids.OurGroupId,
            GroupReceiver = ids.PartnerGroupId,
            InterchangeVersion = interchangeVersion,
            UsageIndicator = partner.Mode == PartnerMode.Production ? "P" : "T",
        };
    }
}

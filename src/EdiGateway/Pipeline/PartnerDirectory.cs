using EdiGateway.Edi.Reading;
using EdiGateway.Partners;

namespace EdiGateway.Pipeline;

/// <summary>
/// Finds the partner an interchange comes from by its envelope: ISA05/ISA06 must be the partner's
/// identifiers and ISA07/ISA08 ours. Where a test and a production profile share identifiers, ISA15 decides.
/// </summary>
public sealed class PartnerDirectory(PartnerCatalog catalog)
{
    public PartnerProfile? Identify(X12InterchangeHeader isa)
    {
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return null;
        }

        PartnerProfile? candidate = null;
        foreach (var p in snapshot.Partners.Values)
        {
            var id = p.Identifiers;
            if (Same(id.Partner, isa.SenderQualifier, isa.SenderId) && Same(id.Ours, isa.ReceiverQualifier, isa.ReceiverId))
            {
                var wantsTest = isa.UsageIndicator == "T";
                if ((p.Mode == PartnerMode.Test) == wantsTest)
                {
                    return p;
                }

                candidate ??= p;
            }
        }

        return candidate;
    }

    /// <summary>The guide a partner's set is validated against: the guide of the flow the set belongs to.</summary>
    public static string? GuideFor(PartnerProfile partner, string setId)
    {
        var flow = FlowCatalog.InboundFlow(partner.Kind, setId) ?? FlowCatalog.OutboundFlow(partner.Kind, setId);
        return flow is null ? null : partner.Flows.FirstOrDefault(f => f.Flow == flow)?.Guide;
    }

    /// <summary>In words, who an unknown interchange claims to be, for the queue.</summary>
    public static string Describe(X12InterchangeHeader isa) =>
        $"ISA sender {isa.SenderQualifier}/{isa.SenderId}, receiver {isa.ReceiverQualifier}/{isa.ReceiverId}, usage {isa.UsageIndicator}";

    private static bool Same(EdiIdentity identity, string qualifier, string id) =>
        string.Equals(identity.Qualifier, qualifier.Trim(), StringComparison.Ordinal) &&
        string.Equals(identity.Id, id.Trim(), StringComparison.Ordinal);
}

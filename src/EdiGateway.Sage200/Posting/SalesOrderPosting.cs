using EdiGateway.Sage200.Contract;
using EdiGateway.Sage200.Models;

namespace EdiGateway.Sage200.Posting;

/// <summary>The channel an external id comes from; its prefix makes customer_document_no unique across channels.</summary>
public sealed record SageChannel(string Prefix)
{
    /// <summary>Amazon Vendor Central purchase orders.</summary>
    public static SageChannel Amazon { get; } = new("AMZ-");

    /// <summary>Magento storefront orders.</summary>
    public static SageChannel Magento { get; } = new("MAG-");

    /// <summary>3PL shipments.</summary>
    public static SageChannel ThreePl { get; } = new("3PL-");
}

/// <summary>Command: post one sales order to Sage exactly once, keyed by channel + external id.</summary>
public sealed record SalesOrderPosting(SageChannel Channel, string ExternalId, SageSopOrder Order)
{
    /// <summary>The idempotency key, also written to customer_document_no (max 30).</summary>
    public string Key => Channel.Prefix + ExternalId;
}

/// <summary>Composes the customer_document_no; refuses (never cuts) a key longer than Sage's 30 characters.</summary>
public static class CustomerDocumentNumber
{
    /// <summary>Sage's published limit of sop_order.customer_document_no.</summary>
    public const int MaxLength = 30;

    /// <summary>The key, or a violation when prefix + id does not fit or is empty.</summary>
    public static (string? Value, SageContractViolation? Refusal) Compose(SageChannel channel, string externalId)
    {
        var id = externalId.Trim();
        if (id.Length == 0)
        {
            return (null, new SageContractViolation("$.customer_document_no", "required", "external id is empty"));
        }

        var value = channel.Prefix + id;
        return value.Length > MaxLength
            ? (null, new SageContractViolation("$.customer_document_no", "max-length", $"'{value}' is {value.Length} characters; Sage allows {MaxLength} and a document number cannot be trimmed"))
            : (value, null);
    }
}

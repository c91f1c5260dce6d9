namespace EdiGateway.Flows.Amazon;

/// <summary>A Sage delivery address (field names and limits as in Sage 200 <c>delivery_address</c>).</summary>
public sealed record SageDeliveryAddress(string PostalName, string Address1, string Address2, string Address3, string Address4,
    string City, string County, string Postcode, string Country, string Contact);

/// <summary>Where an Amazon FC delivers in Sage: the customer account (reference) and delivery address.</summary>
public sealed record ShipToAccount(string FcCode, string SageAccount, SageDeliveryAddress Address);

/// <summary>The partner's FC table (the profile's ship-to.csv): FC code -> Sage account and delivery address.</summary>
public sealed class ShipToDirectory
{
    private readonly Dictionary<string, ShipToAccount> _byFc = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes the rows; column names come from <see cref="AmazonSettings.ShipToColumns"/>. Rows without an
    /// FC code or an account are left out (the profile loader reports them).</summary>
    public ShipToDirectory(IEnumerable<IReadOnlyDictionary<string, string>> rows, AmazonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var row in rows)
        {
            string C(string logical) => settings.ShipToColumns.TryGetValue(logical, out var col) && row.TryGetValue(col, out var v) ? v.Trim() : "";
            var fc = C("fcCode");
            var account = C("sageAccount");
            if (fc.Length == 0 || account.Length == 0) continue;
            _byFc.TryAdd(fc, new ShipToAccount(fc, account, new SageDeliveryAddress(C("name"), C("addressLine1"), C("addressLine2"),
                C("addressLine3"), C("addressLine4"), C("city"), C("county"), C("postcode"), C("country"), C("contact"))));
        }
    }

    /// <summary>The account for <paramref name="fcCode"/>, or null when the FC is not in the table.</summary>
    public ShipToAccount? Find(string fcCode) => _byFc.GetValueOrDefault(fcCode?.Trim() ?? "");
}

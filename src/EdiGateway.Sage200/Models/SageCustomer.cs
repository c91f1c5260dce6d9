using System.Text.Json.Serialization;

namespace EdiGateway.Sage200.Models;

/// <summary>/customers resource (reference = account code, max 8).</summary>
public sealed record SageCustomer
{
    public long? Id { get; init; }
    public string? Reference { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public bool? OnHold { get; init; }
    public string? AccountStatusType { get; init; }
    public long? CurrencyId { get; init; }
    public long? DefaultTaxCodeId { get; init; }
    public string? VatNumber { get; init; }
    public decimal? CreditLimit { get; init; }
    public decimal? Balance { get; init; }
    public short? PaymentTermsDays { get; init; }
    public string? PaymentTermsBasis { get; init; }
    [JsonPropertyName("analysis_code_1")]
    public string? AnalysisCode1 { get; init; }
    public SageCustomerAddress? MainAddress { get; init; }
}

/// <summary>customer.main_address.</summary>
public sealed record SageCustomerAddress
{
    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }
    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }
    [JsonPropertyName("address_3")]
    public string? Address3 { get; init; }
    [JsonPropertyName("address_4")]
    public string? Address4 { get; init; }
    public string? City { get; init; }
    public string? County { get; init; }
    public string? Postcode { get; init; }
    public long? AddressCountryCodeId { get; init; }
}

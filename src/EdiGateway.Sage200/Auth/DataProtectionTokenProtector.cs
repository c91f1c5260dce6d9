using Microsoft.AspNetCore.DataProtection;

namespace EdiGateway.Sage200.Auth;

/// <summary><see cref="ITokenProtector"/> over ASP.NET Core Data Protection (the appliance's choice for tokens at rest).</summary>
public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("EdiGateway.Sage200.Tokens.v1");

    /// <inheritdoc />
    public string Protect(string plaintext) => protector.Protect(plaintext);

    /// <inheritdoc />
    public string Unprotect(string protectedValue) => protector.Unprotect(protectedValue);
}

namespace EdiGateway.Sage200.Auth;

/// <summary>Durable storage of one company's (protected) Sage ID token blob; the appliance backs it with its database.</summary>
public interface ITokenStore
{
    /// <summary>Reads the protected blob stored under <paramref name="key"/>, or null.</summary>
    ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the protected blob; must be durable before it returns (refresh tokens rotate).</summary>
    ValueTask WriteAsync(string key, string protectedValue, CancellationToken cancellationToken);
}

/// <summary>Encrypts tokens at rest; the appliance implements it over ASP.NET Core Data Protection.</summary>
public interface ITokenProtector
{
    /// <summary>Encrypts plaintext.</summary>
    string Protect(string plaintext);

    /// <summary>Decrypts what <see cref="Protect"/> produced.</summary>
    string Unprotect(string protectedValue);
}

/// <summary>An access/refresh token pair as Sage ID issued it.</summary>
public sealed record SageToken(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>In-memory <see cref="ITokenStore"/> for tests and demos (tokens lost on restart).</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(values.TryGetValue(key, out var v) ? v : null);

    /// <inheritdoc />
    public ValueTask WriteAsync(string key, string protectedValue, CancellationToken cancellationToken)
    {
        values[key] = protectedValue;
        return ValueTask.CompletedTask;
    }
}

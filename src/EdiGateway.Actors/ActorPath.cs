namespace EdiGateway.Actors;

/// <summary>The hierarchical address of an actor (<c>/user/partner-amazon/flow-850</c>); equal paths compare equal.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _value;

    private ActorPath(ActorPath? parent, string name)
    {
        Parent = parent;
        Name = name;
        _value = parent is null ? string.Empty : parent._value + "/" + name;
    }

    internal static ActorPath Root { get; } = new(null, string.Empty);

    /// <summary>The parent path; null only for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element, the actor's name among its siblings.</summary>
    public string Name { get; }

    /// <summary>Number of elements below the root (<c>/user/a</c> has depth 2).</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(this, name);

    /// <summary>
    /// True when <paramref name="name"/> may name a user actor: not empty, at most 100 characters, no '/',
    /// no whitespace, and not starting with '$' (reserved for generated names).
    /// </summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name[0] == '$')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c == '/' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => _value.Length == 0 ? "/" : _value;
}

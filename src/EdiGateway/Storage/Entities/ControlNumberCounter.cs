namespace EdiGateway.Storage.Entities;

/// <summary>The last control number issued per partner, direction and kind; advanced by one atomic UPDATE.</summary>
public sealed class ControlNumberCounter
{
    public required string PartnerId { get; init; }

    public required Direction Direction { get; init; }

    public required ControlNumberKind Kind { get; init; }

    /// <summary>The last value handed out; 0 before the first.</summary>
    public long LastValue { get; set; }

    /// <summary>How many times the counter has wrapped past its maximum.</summary>
    public long Cycle { get; set; }
}

/// <summary>The three X12 control numbers.</summary>
public enum ControlNumberKind
{
    /// <summary>ISA13, nine digits.</summary>
    Interchange = 1,

    /// <summary>GS06, up to nine digits.</summary>
    Group = 2,

    /// <summary>ST02, four to nine characters.</summary>
    TransactionSet = 3,
}

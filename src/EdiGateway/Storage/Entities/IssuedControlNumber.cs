namespace EdiGateway.Storage.Entities;

/// <summary>Every control number handed out, unique per partner, kind and wrap cycle: the proof that none repeats.</summary>
public sealed class IssuedControlNumber
{
    public long Id { get; set; }

    public required string PartnerId { get; init; }

    public required Direction Direction { get; init; }

    public required ControlNumberKind Kind { get; init; }

    public required long Cycle { get; init; }

    public required long Value { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }
}

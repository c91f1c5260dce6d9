using EdiGateway.Edi.Writing;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Pipeline;

/// <summary>
/// The engine's control-number source backed by the store: ISA13, GS06 and ST02 for one partner's outbound
/// traffic, never repeating across restarts. Called from background work, never from a mailbox.
/// </summary>
public sealed class StoreControlNumbers(ControlNumberAllocator allocator, string partnerId) : IControlNumberSource
{
    public long NextInterchange() => Next(ControlNumberKind.Interchange);

    public long NextGroup() => Next(ControlNumberKind.Group);

    public long NextSet() => Next(ControlNumberKind.TransactionSet);

    private long Next(ControlNumberKind kind) =>
        allocator.NextAsync(partnerId, Direction.Outbound, kind, CancellationToken.None).GetAwaiter().GetResult().Value;
}

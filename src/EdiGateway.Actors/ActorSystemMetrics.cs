namespace EdiGateway.Actors;

/// <summary>A point-in-time view of the system: restarts per actor path (kept after the actor stops), dead letters, mailbox depths.</summary>
/// <param name="RestartsByPath">Number of restarts per actor path since the system started.</param>
/// <param name="DeadLetters">Total dead letters since the system started.</param>
/// <param name="MailboxDepthByPath">Queued user messages per live actor (stash excluded).</param>
public sealed record ActorSystemMetrics(
    IReadOnlyDictionary<string, long> RestartsByPath,
    long DeadLetters,
    IReadOnlyDictionary<string, int> MailboxDepthByPath)
{
    /// <summary>Number of live actors, guardians included.</summary>
    public int LiveActors => MailboxDepthByPath.Count;

    /// <summary>Restarts of the actor at <paramref name="path"/> (0 if none).</summary>
    public long RestartsOf(string path) => RestartsByPath.TryGetValue(path, out var n) ? n : 0;
}

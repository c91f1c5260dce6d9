namespace EdiGateway.Tests.Support;

/// <summary>Tests that state a time bound run alone, after the parallel ones, so other tests' load does not decide them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}

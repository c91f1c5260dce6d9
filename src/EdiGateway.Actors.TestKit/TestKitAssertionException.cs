namespace EdiGateway.Actors.TestKit;

/// <summary>An expectation of the test kit failed; the message says what was expected and what arrived.</summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the exception with a human-readable explanation.</summary>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }
}

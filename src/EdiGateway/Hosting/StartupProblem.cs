namespace EdiGateway.Hosting;

/// <summary>
/// A reason the appliance cannot start, in words an operator can act on (which file or setting, what is wrong).
/// The CLI prints the message and exits with code 2; no stack trace.
/// </summary>
public sealed class StartupProblem(string message, Exception? inner = null) : Exception(message, inner);

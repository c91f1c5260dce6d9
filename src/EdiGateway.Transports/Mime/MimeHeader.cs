namespace EdiGateway.Transports.Mime;

/// <summary>One MIME header with its value unfolded (CRLF + whitespace turned into one space) and trimmed.</summary>
public sealed record MimeHeader(string Name, string Value);

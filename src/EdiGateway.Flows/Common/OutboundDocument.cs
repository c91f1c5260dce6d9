using EdiGateway.Edi.Model;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Flows.Common;

/// <summary>An outbound X12 document ready for the outbound gate: the interchange tree and its text.</summary>
/// <param name="Interchange">The enveloped interchange (control numbers from the caller's source).</param>
/// <param name="Text">The interchange as X12 text, one segment per line.</param>
public sealed record OutboundDocument(X12Interchange Interchange, string Text)
{
    /// <summary>ISA13 interchange control number.</summary>
    public string InterchangeControlNumber => Interchange.Isa[13];

    /// <summary>Envelopes one set and writes it.</summary>
    public static OutboundDocument Build(X12EnvelopeOptions envelope, IControlNumberSource numbers, TimeProvider clock,
        string functionalId, string version, string setId, IReadOnlyList<X12Segment> body)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var interchange = X12Envelope.Build(envelope, numbers, clock, [new X12GroupContent(functionalId, version, [new X12SetContent(setId, body)])]);
        return new OutboundDocument(interchange, X12Writer.ToText(interchange));
    }
}

using EdiGateway.Edi.Acks;
using EdiGateway.Edi.Model;
using EdiGateway.Edi.Reading;
using EdiGateway.Edi.Specs;
using EdiGateway.Edi.Validation;
using EdiGateway.Edi.Writing;

namespace EdiGateway.Edi.Processing;

/// <summary>One-call entry points for the <c>edigw x12 validate|ack|to-json|from-json|split</c> commands.</summary>
public sealed class X12Engine
{
    private readonly X12Processor _processor;
    private readonly X12ReaderOptions _reader;

    /// <summary>Creates an engine over a loaded library.</summary>
    public X12Engine(SpecLibrary library, X12ValidationOptions? validation = null, X12ReaderOptions? reader = null, int parallelism = 1)
    {
        _reader = reader ?? new X12ReaderOptions();
        _processor = new X12Processor(library, validation, _reader, parallelism);
    }

    /// <summary>Loads edi-specs from <paramref name="specRoot"/>; spec problems come back beside the engine.</summary>
    public static (X12Engine Engine, SpecLoadResult Specs) Load(string specRoot, X12ValidationOptions? validation = null, X12ReaderOptions? reader = null,
        int parallelism = 1)
    {
        var specs = SpecLoader.LoadFolder(specRoot);
        return (new X12Engine(specs.Library, validation, reader, parallelism), specs);
    }

    /// <summary>validate: the report (errors with positions; serialise with <see cref="X12ReportJson"/>).</summary>
    public X12FileReport Validate(Stream input) => _processor.Validate(input);

    /// <summary>ack: the acknowledgement interchanges for an input, as text.</summary>
    public string Acknowledge(Stream input, TimeProvider clock, IControlNumberSource numbers, X12AckOptions? options = null, string lineBreak = "\n")
    {
        var report = _processor.Validate(input);
        var acks = new X12AckBuilder(clock, numbers, options).Build(report);
        return string.Concat(acks.Select(a => X12Writer.ToText(a, new X12WriteOptions(lineBreak))));
    }

    /// <summary>to-json: the lossless JSON tree, plus envelope errors met while reading.</summary>
    public (string Json, IReadOnlyList<Errors.X12Error> Errors) ToJson(Stream input)
    {
        var read = X12DocumentReader.Read(input, _reader);
        return (X12Json.Serialize(read.Document), read.Errors);
    }

    /// <summary>from-json: X12 text from the JSON tree (throws <see cref="FormatException"/> on bad JSON).</summary>
    public static string FromJson(string json, string lineBreak = "\n") =>
        X12Writer.ToText(X12Json.Deserialize(json), new X12WriteOptions(lineBreak));

    /// <summary>split: one stand-alone interchange per transaction set, streaming.</summary>
    public IEnumerable<X12SplitPart> Split(Stream input, string lineBreak = "\n") => X12Splitter.Split(input, _reader, lineBreak);
}

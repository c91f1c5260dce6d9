using EdiGateway.Edi.Specs;
using EdiGateway.Hosting;
using Microsoft.Extensions.Options;

namespace EdiGateway.Pipeline;

/// <summary>The X12 standards and guides loaded once from <c>edi-specs/</c>; load errors are kept for health and logs.</summary>
public sealed class EdiSpecs(IOptions<GatewayOptions> options, GatewayHome home)
{
    private readonly Lazy<SpecLoadResult> loaded = new(() => SpecLoader.LoadFolder(home.Resolve(options.Value.SpecsDirectory)));

    public SpecLibrary Library => loaded.Value.Library;

    public IReadOnlyList<SpecLoadError> Errors => loaded.Value.Errors;

    public string Directory => home.Resolve(options.Value.SpecsDirectory);
}

using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EdiGateway.Transports.As2.Http;

/// <summary>Kestrel listener options for AS2 endpoints.</summary>
public static class As2KestrelExtensions
{
    /// <summary>
    /// Unfolds obs-folded request headers (JavaMail-based senders) before Kestrel parses them; without this Kestrel
    /// answers such requests 400 before any middleware runs (reference R7). Use on plain HTTP listeners, or after
    /// UseHttps so it sees decrypted bytes.
    /// </summary>
    public static ListenOptions UseAs2HeaderUnfolding(this ListenOptions listenOptions)
    {
        listenOptions.Use(next => async context =>
        {
            var original = context.Transport;
            var reader = PipeReader.Create(new HeaderUnfoldingStream(original.Input.AsStream()));
            context.Transport = new UnfoldedPipe(reader, original.Output);
            try
            {
                await next(context);
            }
            finally
            {
                context.Transport = original;
            }
        });
        return listenOptions;
    }

    private sealed class UnfoldedPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

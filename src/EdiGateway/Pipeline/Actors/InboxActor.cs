using EdiGateway.Actors;
using EdiGateway.Partners;
using EdiGateway.Transports.Files;
using static EdiGateway.Pipeline.Actors.PipelineMessages;

namespace EdiGateway.Pipeline.Actors;

/// <summary>
/// Polls a partner's inbound drop folder or remote SFTP/FTP pickup folder on a timer (the profile's pollSeconds, else the pipeline's interval). The transport picks up only files that stayed the
/// same size between two listings, stores each through the ledger before archiving it, and never stores
/// a file twice; the ledger then tells the pipeline.
/// </summary>
public sealed partial class InboxActor : ReceiveActor
{
    private readonly PipelineServices services;
    private readonly PartnerProfile profile;
    private readonly ILogger logger;
    private FileTransport transport;
    private bool polling;

    public InboxActor(PartnerProfile profile, PipelineServices services)
    {
        this.services = services;
        this.profile = profile;
        logger = services.LoggerFactory.CreateLogger<InboxActor>();
        transport = Create(profile);
        Receive<Poll>(_ => StartPoll());
        Receive<FilePollResult>(Polled);
        Receive<Status.Failure>(f =>
        {
            polling = false;
            LogPollFailed(logger, profile.Id, f.Cause.Message);
        });
        Receive<ProfileUpdated>(updated => transport = Create(updated.Profile));
    }

    protected override void PreStart()
    {
        var interval = profile.Transport?.Remote?.PollInterval ?? TimeSpan.FromMilliseconds(services.Options.Value.PollIntervalMilliseconds);
        Context.Timers.StartPeriodicTimer("poll", new Poll(), TimeSpan.Zero, interval);
    }

    private FileTransport Create(PartnerProfile profile) =>
        services.Transports.OpenInbound(profile, TimeSpan.FromMilliseconds(services.Options.Value.StableForMilliseconds));

    private void StartPoll()
    {
        if (polling)
        {
            return;
        }

        polling = true;
        transport.PollAsync(services.Stopping).PipeTo(Self);
    }

    private void Polled(FilePollResult result)
    {
        polling = false;
        foreach (var (file, reason) in result.Failed)
        {
            LogFileFailed(logger, file.Name, reason);
        }
    }

    [LoggerMessage(EventId = 340, Level = LogLevel.Warning, Message = "Partner {PartnerId}: polling the inbound location failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string partnerId, string reason);

    [LoggerMessage(EventId = 341, Level = LogLevel.Warning, Message = "Inbound file {FileName} could not be picked up: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, string fileName, string reason);
}

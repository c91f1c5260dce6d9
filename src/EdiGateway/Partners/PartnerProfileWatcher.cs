namespace EdiGateway.Partners;

/// <summary>Reloads partner profiles when anything under <c>partners/</c> changes, debounced so an editor's save burst is one reload.</summary>
internal sealed partial class PartnerProfileWatcher(PartnerCatalog catalog, TimeProvider clock, ILogger<PartnerProfileWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists(catalog.PartnersDirectory))
        {
            return;
        }

        var changed = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });
        using var watcher = new FileSystemWatcher(catalog.PartnersDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler onChange = (_, _) => changed.Writer.TryWrite(true);
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => changed.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;

        try
        {
            while (await changed.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Debounce, clock, stoppingToken);
                while (changed.Reader.TryRead(out _))
                {
                }

                LogReloading(logger);
                catalog.Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Partner profiles changed on disk; reloading")]
    private static partial void LogReloading(ILogger logger);
}

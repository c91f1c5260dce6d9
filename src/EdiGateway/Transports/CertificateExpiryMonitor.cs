using System.Globalization;
using EdiGateway.Partners;
using EdiGateway.Storage;
using EdiGateway.Storage.Entities;

namespace EdiGateway.Transports;

/// <summary>
/// Checks every AS2 partner's certificates and our key pairs at start, after each profile reload and then daily:
/// a certificate within 30, 10, 3 or 1 days of expiry raises one onboarding-queue entry per threshold
/// (deduplicated), and a missing or unreadable key pair raises one too. Importing plaintext keys happens here on load.
/// </summary>
public sealed partial class CertificateExpiryMonitor(
    PartnerCatalog catalog,
    PartnerKeyStore keys,
    ExceptionQueue exceptions,
    TimeProvider clock,
    ILogger<CertificateExpiryMonitor> logger) : BackgroundService
{
    /// <summary>Days before expiry at which the onboarding queue is told, largest first.</summary>
    public static readonly IReadOnlyList<int> ThresholdDays = [30, 10, 3, 1];

    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Checks the partners in force now; returns how many entries were raised or found already raised.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var count = 0;
        var now = clock.GetUtcNow();
        foreach (var partner in catalog.Current?.Partners.Values ?? [])
        {
            if (partner.Transport?.As2 is not { } as2)
            {
                continue;
            }

            var key = keys.Find(partner, as2);
            if (key.Problem is not null)
            {
                count++;
                await RaiseAsync(partner, "as2.key-missing", Severity.Error, $"Partner {partner.Name}: {key.Problem}. AS2 traffic with this partner is refused until it is there.", $"as2-key:{partner.Id}:{as2.OurKey}", ct);
            }

            var certificates = as2.PartnerCertificates.Select(c => (Label: $"partner certificate '{c.File}'", c.Certificate));
            if (key.Certificate is { } ours)
            {
                certificates = certificates.Append(($"our certificate '{as2.OurKey}'", ours));
            }

            foreach (var (label, certificate) in certificates)
            {
                var left = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) - now;
                var threshold = ThresholdDays.Where(d => left <= TimeSpan.FromDays(d)).DefaultIfEmpty(0).Min();
                if (threshold == 0)
                {
                    continue;
                }

                count++;
                var expires = certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
                var days = Math.Max(0, (int)Math.Ceiling(left.TotalDays));
                await RaiseAsync(
                    partner,
                    "certificate.expiring",
                    threshold <= 3 ? Severity.Error : Severity.Warning,
                    $"Partner {partner.Name}: the AS2 {label} ({certificate.Subject}) expires on {expires}, in {days.ToString(CultureInfo.InvariantCulture)} day(s). " +
                    "Exchange the new certificate with the partner and list it beside the old one before then.",
                    $"cert-expiry:{partner.Id}:{certificate.Thumbprint}:{threshold.ToString(CultureInfo.InvariantCulture)}",
                    ct);
            }
        }

        return count;
    }

    /// <summary>Imports plaintext keys of the partners in force before the gateway takes traffic.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ImportKeys(catalog.Current);
        catalog.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckFailed(logger, ex.Message);
                }

                using var daily = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var tick = Task.Delay(TimeSpan.FromDays(1), clock, daily.Token);
                await Task.WhenAny(tick, wake.WaitAsync(daily.Token));
                await daily.CancelAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            catalog.Changed -= OnChanged;
        }
    }

    private void OnChanged(PartnerSnapshot snapshot)
    {
        ImportKeys(snapshot);
        wake.Release();
    }

    private void ImportKeys(PartnerSnapshot? snapshot)
    {
        foreach (var partner in snapshot?.Partners.Values ?? [])
        {
            if (partner.Transport?.As2 is { } as2)
            {
                _ = keys.Find(partner, as2);
            }
        }
    }

    private async Task RaiseAsync(PartnerProfile partner, string reason, Severity severity, string message, string dedupe, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await exceptions.RaiseAsync(new ExceptionEntry
        {
            Queue = "onboarding",
            PartnerId = partner.Id,
            ReasonCode = reason,
            Message = message,
            Severity = severity,
            DeduplicationKey = dedupe,
            CreatedAt = now,
            UpdatedAt = now,
        }, ct);
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Warning, Message = "Certificate expiry check failed: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, string reason);
}

using System.Globalization;
using EdiGateway.Sage200;

namespace EdiGateway.Sage;

/// <summary>
/// Which Sage company rows belong to: erp_postings.system and .company. The site is part of the company so that
/// postings made against the SANDBOX never count as posted in a real Sage company (and vice versa).
/// </summary>
public sealed record SageCompanyScope(string System, string Company, bool IsSandbox)
{
    public const string SystemName = "sage200";

    public static SageCompanyScope For(Sage200Options options, bool isSandbox) =>
        new(SystemName, string.Create(CultureInfo.InvariantCulture, $"{options.SiteId}:{options.CompanyId}"), isSandbox);
}

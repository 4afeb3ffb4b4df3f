using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers;

public sealed record RankingView(int Year, RankingPublication? Published, IReadOnlyList<RankedAgency>? Preview, IReadOnlyList<string> Indicators, bool IsBureau);

public class RankingOptions
{
    public const string Section = "Carriers";

    /// <summary>
    /// The extra indicators of the agency ranking, after the plan's deals and turnover, in tie-breaking order: names of
    /// indicators of the agencies' yearly reports (PerformanceReport.IndicatorsFor(TransferAgency)).
    /// </summary>
    public List<string> RankingIndicators { get; set; } = [];

    public IReadOnlyList<string> Effective => RankingIndicators.Count > 0 ? RankingIndicators : ["服务企业数", "举办路演或对接活动次数"];
}

public sealed record DealRow(Guid Id, string RegistrationNumber, string ProjectName, string BuyerName, string? BuyerRegionCode, decimal Amount, DateTimeOffset? RegisteredAt,
    bool IsImported, bool Counted);

/// <summary>
/// 技术转移机构年度排名: the deals each agency brokered whose buyer is in Anqing, from registered and imported contracts of the
/// year, with the extra indicators of its yearly report; the bureau confirms it and the confirmed ranking is public.
/// </summary>
[Route("carriers/ranking")]
public class RankingController(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, Microsoft.Extensions.Options.IOptions<RankingOptions> options,
    TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year - 1;
        if (!IsRankingYear(y))
        {
            return NotFound();
        }

        var published = await db.RankingPublications.AsNoTracking().Where(r => r.Year == y).OrderByDescending(r => r.ConfirmedAt).FirstOrDefaultAsync(ct);
        var decides = permissions.Decides;
        return View(new RankingView(y, published, decides ? await ComputeAsync(y, ct) : null, options.Value.Effective, decides));
    }

    [Authorize]
    [HttpPost("{year:int}/confirm")]
    public async Task<IActionResult> Confirm(int year, CancellationToken ct)
    {
        if (!IsRankingYear(year))
        {
            return NotFound();
        }

        if (!permissions.Decides)
        {
            return Forbid();
        }

        db.RankingPublications.Add(RankingPublication.Confirm(year, options.Value.Effective, await ComputeAsync(year, ct), actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"{year} 年度排名已确认并公开。";
        return RedirectToAction(nameof(Index), new { year });
    }

    /// <summary>The contracts behind an agency's figures, for the bureau and the agency itself.</summary>
    [Authorize]
    [HttpGet("{year:int}/agencies/{id:guid}")]
    public async Task<IActionResult> Deals(int year, Guid id, CancellationToken ct)
    {
        var agency = IsRankingYear(year) ? await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Type == CarrierType.TransferAgency, ct) : null;
        if (agency is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(CarrierPermissions.SeeDeals, agency))
        {
            return Forbid();
        }

        var anqing = AnqingRegions.All.Select(r => r.Code).ToList();
        var deals = await Brokered(agency, year).OrderByDescending(c => c.RegisteredAt)
            .Select(c => new DealRow(c.Id, c.RegistrationNumber!, c.ProjectName, c.Buyer.Name, c.BuyerRegionCode, c.ContractAmount, c.RegisteredAt, c.IsImported,
                c.BuyerRegionCode != null && anqing.Contains(c.BuyerRegionCode)))
            .Take(1000).ToListAsync(ct);
        ViewData["Agency"] = agency.Name;
        ViewData["Year"] = year;
        return View(deals);
    }

    /// <summary>The live ranking of a year: every agency on the register, its brokered contracts and its report's extra indicators.</summary>
    private async Task<IReadOnlyList<RankedAgency>> ComputeAsync(int year, CancellationToken ct)
    {
        var agencies = await db.Carriers.AsNoTracking().Where(c => c.Type == CarrierType.TransferAgency && c.Status != CarrierStatus.Revoked).ToListAsync(ct);
        var anqing = AnqingRegions.All.Select(r => r.Code).ToList();
        // One pass over the year's brokered contracts (status and registration date are indexed), attributed in memory.
        var (from, to) = Year(year);
        var brokered = await db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < to && (c.BrokerOrganizationId != null || c.BrokerName != null))
            .Select(c => new { c.BrokerOrganizationId, c.BrokerName, c.ContractAmount, c.BuyerRegionCode }).ToListAsync(ct);
        var deals = agencies.SelectMany(a => brokered
            .Where(c => (a.OrganizationId != Guid.Empty && c.BrokerOrganizationId == a.OrganizationId) || (c.BrokerName is { } n && (n == a.Name || n == a.HostName)))
            .Select(c => new BrokeredDeal(a.Id, c.ContractAmount, c.BuyerRegionCode != null && anqing.Contains(c.BuyerRegionCode)))).ToList();

        var ids = agencies.Select(a => a.Id).ToList();
        var reports = await db.PerformanceReports.AsNoTracking().Where(r => ids.Contains(r.CarrierId) && r.Year == year).ToListAsync(ct);
        var indicators = options.Value.Effective;
        var extra = reports.ToDictionary(r => r.CarrierId,
            r => (IReadOnlyList<decimal>)indicators.Select(name => r.Indicators.FirstOrDefault(i => i.Name == name)?.Value ?? 0m).ToList());
        return AgencyRanking.Rank(agencies.Select(a => (a.Id, a.Name)), deals, extra, indicators.Count);
    }

    /// <summary>Rankings exist for the plan's years and around them; any other year is a page that does not exist.</summary>
    private static bool IsRankingYear(int year) => year is >= 2000 and <= 2100;

    private static (DateTimeOffset From, DateTimeOffset To) Year(int year)
    {
        // A Beijing calendar year, as UTC instants (PostgreSQL timestamptz parameters are UTC).
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        return (from.ToUniversalTime(), from.AddYears(1).ToUniversalTime());
    }

    /// <summary>Registered (or imported) contracts of the year whose broker is the agency: by its portal organization or by its name.</summary>
    private IQueryable<TechContract> Brokered(Carrier agency, int year)
    {
        var (from, to) = Year(year);
        var host = agency.OrganizationId;
        var names = new[] { agency.Name, agency.HostName };
        return db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < to
            && ((host != Guid.Empty && c.BrokerOrganizationId == host) || (c.BrokerName != null && names.Contains(c.BrokerName))));
    }
}

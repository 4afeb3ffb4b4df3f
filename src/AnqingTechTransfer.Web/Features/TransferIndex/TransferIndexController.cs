using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.TransferIndex;

/// <summary>The index's method: indicators and weights, and the default normalisation (TransferIndex section).</summary>
public class IndexOptions
{
    public const string Section = "TransferIndex";

    public IndexNormalisation Normalisation { get; set; } = IndexNormalisation.Baseline;

    /// <summary>Indicator key → weight; empty means the portal's default weights.</summary>
    public Dictionary<string, decimal> Weights { get; set; } = [];

    public static readonly IReadOnlyList<IndexWeight> DefaultWeights =
    [
        new("absorbed_amount", 25), new("output_amount", 15), new("registered_contracts", 10), new("high_tech", 15), new("tech_sme", 10),
        new("carriers", 5), new("pilot_runs", 5), new("tech_loans", 10), new("needs_solved", 5),
    ];

    public IndexMethod Method(IndexNormalisation? normalisation) => IndexMethod.Create(normalisation ?? Normalisation,
        Weights.Count == 0 ? DefaultWeights : Weights.Select(w => new IndexWeight(w.Key, w.Value)));
}

public sealed record IndexPageView(IReadOnlyList<IndexPublication> Series, IndexPublication? Selected, bool IsBureau);

public sealed record IndexPreviewView(IndexPeriod Period, IndexMethod Method, IReadOnlyList<IndexRow> Rows, IndexPublication? Current, bool CanPublish);

/// <summary>
/// 科技成果转化指数: the bureau previews the index of a year or quarter, computed live from every module, and publishes it,
/// which freezes its values; the public page shows the published series with the method stated.
/// </summary>
[Route("index")]
public class TransferIndexController(PortalDbContext db, ICurrentActor actor, TransferIndexPermissions permissions, IndexDataHandler data, IOptions<IndexOptions> options,
    TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? period, CancellationToken ct)
    {
        var series = await db.IndexPublications.AsNoTracking().Where(p => !p.IsSuperseded).OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToListAsync(ct);
        var selected = series.LastOrDefault(p => period is null ? p.Quarter is null : p.Period == period) ?? series.LastOrDefault();
        return View(new IndexPageView(series, selected, permissions.Publishes));
    }

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string? period, IndexNormalisation? normalisation, CancellationToken ct)
    {
        if (!permissions.Publishes)
        {
            return Forbid();
        }

        var today = Display.Today(clock);
        if (!IndexPeriod.TryParse(period, out var p))
        {
            p = new IndexPeriod(today.Year - 1, null);
        }

        var method = options.Value.Method(normalisation);
        var rows = await ComputeAsync(p, method, ct);
        var code = p.Code;
        var current = await db.IndexPublications.AsNoTracking().FirstOrDefaultAsync(x => x.Period == code && !x.IsSuperseded, ct);
        return View(new IndexPreviewView(p, method, rows, current, p.HasEnded(today)));
    }

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("publish")]
    public async Task<IActionResult> Publish(string? period, IndexNormalisation? normalisation, string? correctionReason, CancellationToken ct)
    {
        if (!permissions.Publishes)
        {
            return Forbid();
        }

        if (!IndexPeriod.TryParse(period, out var p))
        {
            throw new DomainException("请选择要发布的年度或季度");
        }

        var method = options.Value.Method(normalisation);
        var rows = await ComputeAsync(p, method, ct);
        var code = p.Code;
        var current = await db.IndexPublications.FirstOrDefaultAsync(x => x.Period == code && !x.IsSuperseded, ct);
        db.IndexPublications.Add(IndexPublication.Publish(p, method, rows, Display.Today(clock), actor.DisplayName, current, correctionReason, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已发布{p.Label}科技成果转化指数。";
        return Redirect($"/index?period={code}");
    }

    private async Task<IReadOnlyList<IndexRow>> ComputeAsync(IndexPeriod period, IndexMethod method, CancellationToken ct)
    {
        var values = await data.LoadAsync(period, ct);
        var baseline = method.Normalisation == IndexNormalisation.Baseline ? await data.LoadAsync(period.In(IndexMethod.BaselineYear), ct)
            : new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        return IndexCalculator.Compute(method, values, baseline);
    }
}

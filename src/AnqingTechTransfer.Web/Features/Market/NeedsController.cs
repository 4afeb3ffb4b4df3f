using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>技术需求: enterprises post them; the public market lists the published ones; each gets its suggested results.</summary>
[Route("needs")]
public class NeedsController(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, MarketSearchHandler search, CodeTableLookupHandler codes,
    TimeProvider clock) : ListingController<TechNeed>(db, actor, permissions, search, codes, clock)
{
    private const string FormView = "/Features/Market/NeedForm.cshtml";

    protected override bool IsNeed => true;
    protected override string Base => "/needs";
    protected override DbSet<TechNeed> Set => Db.TechNeeds;

    protected override IQueryable<TechNeed> SearchListings(MarketQuery query) => Search.Needs(query);

    protected override System.Linq.Expressions.Expression<Func<TechNeed, MarketRow>> Row =>
        n => new MarketRow(n.Id, n.OrganizationId, n.Title, n.OrganizationName, n.RegionCode, n.FieldCode, n.Modes, n.BudgetMax, null, n.PublishedAt, n.Status);

    protected override Task<IReadOnlyList<Suggestion>> SuggestAsync(TechNeed listing, CancellationToken ct) => Search.ForNeedAsync(listing, ct);

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        Permissions.MayPostNeeds ? await FormAsync(new NeedForm { Deadline = Display.Today(Clock).AddMonths(6) }, null, FormView, ct) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(NeedForm form, CancellationToken ct)
    {
        if (!Permissions.MayPostNeeds)
        {
            return Forbid();
        }

        var own = await Db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Actor.OrganizationId, ct);
        var need = TechNeed.Post(own.Id, own.Name, own.RegionCode, Clock.GetUtcNow());
        return await SaveAsync(form, need, isNew: true, keywords => Edit(need, form, keywords), FormView, ct);
    }

    [Authorize]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var need = await Db.TechNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        return need is null ? NotFound() : !IsOwner(need) ? Forbid() : await FormAsync(NeedForm.From(need), id, FormView, ct);
    }

    [Authorize]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, NeedForm form, CancellationToken ct)
    {
        var need = await Db.TechNeeds.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return NotFound();
        }

        return !IsOwner(need) ? Forbid() : await SaveAsync(form, need, isNew: false, keywords => Edit(need, form, keywords), FormView, ct);
    }

    private void Edit(TechNeed need, NeedForm form, IReadOnlyList<string> keywords) =>
        need.Edit(form.Title!, form.Summary!, form.FieldCode!, keywords, form.ModeFlags, form.Contact, form.Targets ?? string.Empty, form.BudgetMin, form.BudgetMax,
            form.Deadline!.Value, Display.Today(Clock));
}

/// <summary>科技成果: universities and institutes post them for transfer; each gets its suggested needs.</summary>
[Route("results")]
public class ResultsController(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, MarketSearchHandler search, CodeTableLookupHandler codes,
    TimeProvider clock) : ListingController<TechResult>(db, actor, permissions, search, codes, clock)
{
    private const string FormView = "/Features/Market/ResultForm.cshtml";

    protected override bool IsNeed => false;
    protected override string Base => "/results";
    protected override DbSet<TechResult> Set => Db.TechResults;

    protected override IQueryable<TechResult> SearchListings(MarketQuery query) => Search.Results(query);

    protected override System.Linq.Expressions.Expression<Func<TechResult, MarketRow>> Row =>
        r => new MarketRow(r.Id, r.OrganizationId, r.Title, r.OrganizationName, r.RegionCode, r.FieldCode, r.Modes, r.Price, r.Maturity, r.PublishedAt, r.Status);

    protected override Task<IReadOnlyList<Suggestion>> SuggestAsync(TechResult listing, CancellationToken ct) => Search.ForResultAsync(listing, ct);

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => Permissions.MayPostResults ? await FormAsync(new ResultForm(), null, FormView, ct) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(ResultForm form, CancellationToken ct)
    {
        if (!Permissions.MayPostResults)
        {
            return Forbid();
        }

        var own = await Db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Actor.OrganizationId, ct);
        var result = TechResult.Post(own.Id, own.Name, own.RegionCode, Clock.GetUtcNow());
        return await SaveAsync(form, result, isNew: true, keywords => Edit(result, form, keywords), FormView, ct);
    }

    [Authorize]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var result = await Db.TechResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return result is null ? NotFound() : !IsOwner(result) ? Forbid() : await FormAsync(ResultForm.From(result), id, FormView, ct);
    }

    [Authorize]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, ResultForm form, CancellationToken ct)
    {
        var result = await Db.TechResults.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (result is null)
        {
            return NotFound();
        }

        return !IsOwner(result) ? Forbid() : await SaveAsync(form, result, isNew: false, keywords => Edit(result, form, keywords), FormView, ct);
    }

    private static void Edit(TechResult result, ResultForm form, IReadOnlyList<string> keywords) =>
        result.Edit(form.Title!, form.Summary!, form.FieldCode!, keywords, form.ModeFlags, form.Contact, form.Maturity!.Value, form.IpKind, form.IpNumber ?? string.Empty,
            form.IpOwner ?? string.Empty, form.Price, form.Team ?? string.Empty);
}

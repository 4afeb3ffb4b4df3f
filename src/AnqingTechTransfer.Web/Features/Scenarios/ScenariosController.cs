using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Scenarios;

public class ScenarioForm
{
    [Display(Name = "场景名称")][Required(ErrorMessage = "请填写场景名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Title { get; set; }
    [Display(Name = "场景地点")][Required(ErrorMessage = "请填写场景所在地点")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Place { get; set; }
    [Display(Name = "需要解决的问题")][Required(ErrorMessage = "请填写需要解决的问题")][StringLength(2000, ErrorMessage = "不能超过2000个字")] public string? Problem { get; set; }
    [Display(Name = "征集截止日期")][Required(ErrorMessage = "请填写征集截止日期")] public DateOnly? Deadline { get; set; }
}

public sealed record ScenarioView(Scenario Scenario, bool IsPublisher, bool CanExpress, bool Expressed);

/// <summary>应用场景: counties, parks and leading enterprises publish places where new technology can be tried first; suppliers express interest.</summary>
[Route("scenarios")]
public class ScenariosController(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(ScenarioStatus? status, int page = 1, CancellationToken ct = default)
    {
        ViewData["CanPublish"] = permissions.MayPublish;
        ViewData["Status"] = status;
        var query = db.Scenarios.AsNoTracking();
        query = status is { } s ? query.Where(x => x.Status == s) : query;
        return View(await query.OrderBy(x => x.Status).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpGet("new")]
    public IActionResult New() => permissions.MayPublish ? View(new ScenarioForm { Deadline = Display.Today(clock).AddMonths(1) }) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New(ScenarioForm form, CancellationToken ct)
    {
        if (!permissions.MayPublish)
        {
            return Forbid();
        }

        return await this.CreateAsync(db, form, async () =>
        {
            var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
            var scenario = Scenario.Publish(own.Id, own.Name, own.RegionCode, form.Title!, form.Place!, form.Problem!, form.Deadline!.Value, Display.Today(clock), clock.GetUtcNow());
            db.Scenarios.Add(scenario);
            return $"/scenarios/{scenario.Id}";
        }, "应用场景已发布。", ct);
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return NotFound();
        }

        var isPublisher = permissions.IsPublisher(scenario);
        return View(new ScenarioView(scenario, isPublisher, permissions.Allows(ScenarioPermissions.Express, scenario) && !isPublisher && scenario.Status == ScenarioStatus.Open,
            permissions.HasExpressed(scenario)));
    }

    [Authorize]
    [HttpPost("{id:guid}/interest")]
    public async Task<IActionResult> Interest(Guid id, string? text, uint version, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
        return await this.RunAsync(db, await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct), s => permissions.Allows(ScenarioPermissions.Express, s), version,
            s => s.ExpressInterest(actor.OrganizationId, name, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow()), "意向已提交，发布单位将与您联系。",
            s => $"/scenarios/{s.Id}", ct);
    }

    [Authorize]
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, string? outcome, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct), s => permissions.Allows(ScenarioPermissions.Close, s), version,
            s => s.Close(outcome ?? string.Empty), "已登记场景应用结果。", s => $"/scenarios/{s.Id}", ct);
}

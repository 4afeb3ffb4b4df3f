using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

/// <summary>
/// 重复侵权、故意侵权企业名录: the market supervision bureau records entries and takes them off; the public sees those in
/// their publication period; the projects' formal check and the loan applications refuse listed enterprises.
/// </summary>
[Route("infringers")]
public class InfringersController(InfringerPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListInfringersHandler list, string? q, int page = 1, CancellationToken ct = default) =>
        View(await list.PublicAsync(q, page, await permissions.RecordsAsync(ct), ct));

    [Authorize]
    [HttpGet("manage")]
    public async Task<IActionResult> Manage([FromServices] ListInfringersHandler list, string? q, InfringerListing? listing, int page = 1, CancellationToken ct = default) =>
        await permissions.ReadsAllAsync(ct) ? View("Index", await list.ManageAsync(q, listing, page, await permissions.RecordsAsync(ct), ct)) : Forbid();

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] RecordInfringerHandler record, CancellationToken ct) =>
        await permissions.RecordsAsync(ct) ? View(record.New()) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] RecordInfringerHandler record, InfringerForm form, CancellationToken ct)
    {
        if (!await permissions.RecordsAsync(ct))
        {
            return Forbid();
        }

        var outcome = await record.HandleAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        return ModelState.IsValid ? this.Flash("已列入名录。", RedirectToAction(nameof(Manage))) : View(form);
    }

    [Authorize]
    [HttpPost("{id:guid}/take-off")]
    public async Task<IActionResult> TakeOff([FromServices] TakeOffInfringerHandler takeOff, Guid id, InfringerListing outcome, string? reason, uint version,
        CancellationToken ct)
    {
        var records = await permissions.RecordsAsync(ct);
        return this.Answer(await takeOff.HandleAsync(id, outcome, reason, version, records, ct),
            _ => this.Flash(outcome == InfringerListing.CreditRepaired ? "已办理信用修复并移出名录。" : "已移出名录。", RedirectToAction(nameof(Manage))));
    }
}

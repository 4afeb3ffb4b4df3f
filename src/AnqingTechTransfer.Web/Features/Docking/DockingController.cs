using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Market;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Docking;

public sealed record DockingIndexView(PagedList<DockingRow> Rows, bool IsBureau, int NeedsSolved, int Accepted, int Total);

public sealed record DockingView(DockingRequest Request, TechNeed Need, TechResult Result, bool IsRecipient, bool IsParty, bool CanFileContract,
    ContractStatus? ContractStatus);

/// <summary>
/// 对接意向: an owner of a need or a result asks the owner of the other side; the answer opens (or not) a conversation
/// with both contacts in full, and an accepted request can be turned into a pre-filled technology contract.
/// </summary>
[Authorize]
[Route("docking")]
public class DockingController(PortalDbContext db, ICurrentActor actor, DockingPermissions permissions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        if (!permissions.ReadsRequests)
        {
            return Forbid();
        }

        var me = actor.OrganizationId;
        var rows = await DockingRows.Query(db).OrderByDescending(x => x.Request.CreatedAt).ThenBy(x => x.Request.Id).Select(DockingRows.Row(me))
            .ToPagedListAsync(page, ct: ct);
        // The bureau counts the needs a docking solved: those whose request led to a registered contract.
        var solved = permissions.FollowsCity
            ? await db.DockingRequests.AsNoTracking().Where(r => r.ContractId != null)
                .Join(db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered), r => r.ContractId, c => c.Id, (r, c) => r.NeedId)
                .Distinct().CountAsync(ct)
            : 0;
        var accepted = permissions.FollowsCity ? await db.DockingRequests.CountAsync(r => r.Status == DockingStatus.Accepted, ct) : 0;
        return View(new DockingIndexView(rows, permissions.FollowsCity, solved, accepted, rows.Total));
    }

    /// <summary>Opened by the owner of either side, about a published need and a published result.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Open(Guid needId, Guid resultId, string? message, CancellationToken ct)
    {
        var need = await db.TechNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId, ct);
        var result = await db.TechResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, ct);
        if (need is null || result is null)
        {
            return NotFound();
        }

        var me = actor.OrganizationId;
        if (!permissions.MayOpen(need, result))
        {
            return Forbid();
        }

        var back = need.OrganizationId == me ? $"/needs/{needId}" : $"/results/{resultId}";
        if (await db.DockingRequests.AnyAsync(r => r.NeedId == needId && r.ResultId == resultId && r.Status != DockingStatus.Declined, ct))
        {
            TempData[DomainExceptionFilter.FlashError] = "这对需求和成果已有对接意向，请在“对接意向”中查看。";
            return Redirect(back);
        }

        try
        {
            var request = DockingRequest.Open(need, result, me, message ?? string.Empty, clock.GetUtcNow());
            db.DockingRequests.Add(request);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "对接意向已发送，对方回复后可查看联系方式并在线沟通。";
            return RedirectToAction(nameof(Details), new { id = request.Id });
        }
        catch (DomainException e)
        {
            TempData[DomainExceptionFilter.FlashError] = e.Message;
            return Redirect(back);
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var request = await db.DockingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return NotFound();
        }

        var need = await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Id == request.NeedId, ct);
        var result = await db.TechResults.AsNoTracking().SingleAsync(r => r.Id == request.ResultId, ct);
        if (permissions.IsParty(request) && request.Status == DockingStatus.Accepted)
        {
            db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, nameof(DockingRequest), request.Id.ToString(), "对接双方联系人的电话");
            await db.SaveChangesAsync(ct);
        }

        var contract = request.ContractId is { } cid ? await db.TechContracts.AsNoTracking().Where(c => c.Id == cid).Select(c => (ContractStatus?)c.Status).SingleOrDefaultAsync(ct) : null;
        return View(new DockingView(request, need, result, permissions.IsRecipient(request), permissions.IsParty(request),
            permissions.Allows(DockingPermissions.FileContract, request), contract));
    }

    [HttpPost("{id:guid}/decide")]
    public Task<IActionResult> Decide(Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        ActAsync(id, version, DockingPermissions.Decide, r => r.Decide(actor.OrganizationId, accept, reply, clock.GetUtcNow()),
            accept ? "已接受对接意向，双方可查看联系方式并在线沟通。" : "已婉拒。", ct);

    [HttpPost("{id:guid}/messages")]
    public async Task<IActionResult> Post(Guid id, string? text, uint version, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
        return await ActAsync(id, version, DockingPermissions.Converse, r => r.Post(actor.OrganizationId, name, text ?? string.Empty, clock.GetUtcNow()),
            "留言已发送。", ct);
    }

    private async Task<IActionResult> ActAsync(Guid id, uint version, OperationAuthorizationRequirement operation, Action<DockingRequest> act, string done,
        CancellationToken ct) =>
        await this.RunAsync(db, await db.DockingRequests.SingleOrDefaultAsync(r => r.Id == id, ct), r => permissions.Allows(operation, r), version, act, done,
            r => $"/docking/{r.Id}", ct);
}

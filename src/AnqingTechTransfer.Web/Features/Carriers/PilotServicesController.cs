using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers;

public sealed record ServiceRow(Guid Id, Guid CarrierId, string CarrierName, string Title, string Equipment, string Scale, string PriceRange, string RegionCode);

/// <summary>中试服务: pilot bases publish services; enterprises request them; the base answers, completes and records the outcome.</summary>
[Route("carriers")]
public class PilotServicesController(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("services")]
    public async Task<IActionResult> Services(int page = 1, CancellationToken ct = default)
    {
        ViewData["IsEnterprise"] = permissions.RequestsServices;
        return View(await db.PilotServices.AsNoTracking().Where(s => s.IsPublished).OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new ServiceRow(s.Id, s.CarrierId, s.CarrierName, s.Title, s.Equipment, s.Scale, s.PriceRange, s.RegionCode)).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpPost("{id:guid}/services")]
    public async Task<IActionResult> Publish(Guid id, string? title, string? equipment, string? scale, string? priceRange, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(CarrierPermissions.Host, carrier))
        {
            return Forbid();
        }

        db.PilotServices.Add(PilotService.Publish(carrier, title ?? string.Empty, equipment ?? string.Empty, scale ?? string.Empty, priceRange ?? string.Empty,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "中试服务已发布。";
        return Redirect($"/carriers/{id}");
    }

    [Authorize]
    [HttpPost("services/{id:guid}/requests")]
    public async Task<IActionResult> Ask(Guid id, string? need, CancellationToken ct)
    {
        var service = await db.PilotServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return NotFound();
        }

        if (!permissions.RequestsServices)
        {
            return Forbid();
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        try
        {
            var request = ServiceRequest.Ask(service, actor.OrganizationId, name, need ?? string.Empty, clock.GetUtcNow());
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "服务申请已提交，等待中试基地受理。";
        }
        catch (DomainException e)
        {
            TempData[DomainExceptionFilter.FlashError] = e.Message;
        }

        return RedirectToAction(nameof(Requests));
    }

    [Authorize]
    [HttpGet("requests")]
    public async Task<IActionResult> Requests(int page = 1, CancellationToken ct = default)
    {
        if (!permissions.SeesRequests)
        {
            return Forbid();
        }

        ViewData["Me"] = actor.OrganizationId;
        return View(await db.ServiceRequests.AsNoTracking().OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpPost("requests/{id:guid}/answer")]
    public Task<IActionResult> Answer(Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        ActAsync(id, version, r => r.Answer(accept, reply), accept ? "已受理。" : "已婉拒。", ct);

    [Authorize]
    [HttpPost("requests/{id:guid}/complete")]
    public Task<IActionResult> Complete(Guid id, string? outcome, uint version, CancellationToken ct) =>
        ActAsync(id, version, r => r.Complete(outcome ?? string.Empty, clock.GetUtcNow()), "已登记服务完成。", ct);

    /// <summary>Only the base answers and completes a request.</summary>
    private async Task<IActionResult> ActAsync(Guid id, uint version, Action<ServiceRequest> act, string done, CancellationToken ct) =>
        await this.RunAsync(db, await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == id, ct),
            permissions.Answers, version, act, done, _ => "/carriers/requests", ct);
}

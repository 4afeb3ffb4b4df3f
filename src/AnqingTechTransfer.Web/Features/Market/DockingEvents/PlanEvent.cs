using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

public class EventForm
{
    [Display(Name = "活动名称")][Required(ErrorMessage = "请填写活动名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Title { get; set; }
    [Display(Name = "举办日期")][Required(ErrorMessage = "请填写举办日期")] public DateOnly? HeldOn { get; set; }
    [Display(Name = "地点")][Required(ErrorMessage = "请填写活动地点")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Place { get; set; }
}

/// <summary>The bureau, a county or a park announces an event under its own organization.</summary>
public sealed class PlanEventHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public EventForm New() => new() { HeldOn = Display.Today(clock).AddDays(14) };

    public async Task<Guid> HandleAsync(EventForm form, CancellationToken ct)
    {
        var organizer = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var e = DockingEvent.Plan(actor.OrganizationId, organizer, actor.RegionCode, form.Title!, form.HeldOn!.Value, form.Place!, clock.GetUtcNow());
        db.DockingEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return e.Id;
    }
}

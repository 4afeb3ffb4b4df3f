using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

public class ScenarioForm
{
    [Display(Name = "场景名称")][Required(ErrorMessage = "请填写场景名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Title { get; set; }
    [Display(Name = "场景地点")][Required(ErrorMessage = "请填写场景所在地点")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Place { get; set; }
    [Display(Name = "需要解决的问题")][Required(ErrorMessage = "请填写需要解决的问题")][StringLength(2000, ErrorMessage = "不能超过2000个字")] public string? Problem { get; set; }
    [Display(Name = "征集截止日期")][Required(ErrorMessage = "请填写征集截止日期")] public DateOnly? Deadline { get; set; }
}

/// <summary>A county, park or enterprise publishes a scenario in its own name and region. The answer is the new scenario's id.</summary>
public class PublishScenarioHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>The empty form: a month to collect interest.</summary>
    public ScenarioForm New() => new() { Deadline = Display.Today(clock).AddMonths(1) };

    /// <summary>Nothing is written when the binder refused the form (<paramref name="formValid"/> false).</summary>
    public async Task<Outcome<Guid>> HandleAsync(ScenarioForm form, bool formValid, CancellationToken ct) => !formValid ? Outcome<Guid>.Failed([]) : await FieldErrors.TryAsync(async () =>
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var scenario = Scenario.Publish(own.Id, own.Name, own.RegionCode, form.Title!, form.Place!, form.Problem!, form.Deadline!.Value, Display.Today(clock), clock.GetUtcNow());
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return scenario.Id;
    });
}

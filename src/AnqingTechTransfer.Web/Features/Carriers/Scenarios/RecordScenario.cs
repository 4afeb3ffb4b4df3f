using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>What the scenario form offers: the technical fields, the counties and parks (for the 场景促进中心 only), the scenario being edited.</summary>
public sealed record ScenarioFormChoices(Guid? Id, IReadOnlyList<CodeOption> Fields, IReadOnlyList<Region> Regions)
{
    public static readonly ScenarioFormChoices None = new(null, [], []);
}

public class ScenarioForm
{
    public uint Version { get; set; }
    [Display(Name = "场景名称")][Required(ErrorMessage = "请填写场景名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Title { get; set; }
    [Display(Name = "场景所在县（市、区）或园区")] public string? RegionCode { get; set; }
    [Display(Name = "场景地点")][Required(ErrorMessage = "请填写场景地点")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Place { get; set; }
    [Display(Name = "需要解决的问题")][Required(ErrorMessage = "请填写需要解决的问题")][StringLength(2000, ErrorMessage = "不能超过2000个字")] public string? Problem { get; set; }
    [Display(Name = "技术领域")][Required(ErrorMessage = "请选择技术领域")] public string? FieldCode { get; set; }
    [Display(Name = "关键词（用逗号或顿号分隔，至多8个）")][Required(ErrorMessage = "请至少填写一个关键词")] public string? Keywords { get; set; }
    [Display(Name = "征集截止日期")][Required(ErrorMessage = "请填写征集截止日期")] public DateOnly? Deadline { get; set; }

    [BindNever]
    [ValidateNever]
    public ScenarioFormChoices Choices { get; set; } = ScenarioFormChoices.None;
}

/// <summary>
/// 挖掘 and 策划: a county, park or enterprise records a scenario need of its own region as a draft, the 场景促进中心 for the
/// county or park it chooses; the author completes it while it is a draft or returned. The answer is the scenario's id.
/// </summary>
public class RecordScenarioHandler(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    /// <summary>The empty form: a month to collect interest.</summary>
    public async Task<ScenarioForm> NewAsync(CancellationToken ct) =>
        new() { Deadline = Display.Today(clock).AddMonths(1), Choices = await ChoicesAsync(null, ct) };

    public async Task<RecordResult<ScenarioForm>> FormAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return RecordResult<ScenarioForm>.NotFound;
        }

        return !permissions.Allows(ScenarioPermissions.Edit, s)
            ? RecordResult<ScenarioForm>.Forbidden
            : RecordResult<ScenarioForm>.Done(new ScenarioForm
            {
                Version = s.Version, Title = s.Title, RegionCode = s.RegionCode, Place = s.Place, Problem = s.Problem, FieldCode = s.FieldCode,
                Keywords = string.Join("、", s.Keywords), Deadline = s.Deadline, Choices = await ChoicesAsync(id, ct),
            });
    }

    public async Task<RecordResult<Guid>> CreateAsync(ScenarioForm form, bool formValid, CancellationToken ct) =>
        await SaveAsync(null, form, formValid, ct);

    public async Task<RecordResult<Guid>> EditAsync(Guid id, ScenarioForm form, bool formValid, CancellationToken ct)
    {
        var s = await db.Scenarios.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        return !permissions.Allows(ScenarioPermissions.Edit, s) ? RecordResult<Guid>.Forbidden : await SaveAsync(s, form, formValid, ct);
    }

    private async Task<RecordResult<Guid>> SaveAsync(Scenario? existing, ScenarioForm form, bool formValid, CancellationToken ct)
    {
        IReadOnlyList<FieldError> errors = [];
        if (formValid)
        {
            var saved = await FieldErrors.TryAsync(async () =>
            {
                var region = await RegionAsync(form.RegionCode, ct);
                var keywords = MarketListing.ParseKeywords(form.Keywords);
                if (!await codes.IsActiveAsync(CodeTableCatalog.TechnicalField, form.FieldCode!, ct))
                {
                    throw new Domain.DomainException("请选择技术领域", nameof(ScenarioForm.FieldCode));
                }

                var today = Display.Today(clock);
                if (existing is null)
                {
                    var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
                    existing = Scenario.Record(own.Id, own.Name, region, form.Title!, form.Place!, form.Problem!, form.FieldCode!, keywords, form.Deadline!.Value, today,
                        clock.GetUtcNow());
                    db.Scenarios.Add(existing);
                }
                else
                {
                    db.Entry(existing).Property(x => x.Version).OriginalValue = form.Version;
                    existing.Edit(region, form.Title!, form.Place!, form.Problem!, form.FieldCode!, keywords, form.Deadline!.Value, today);
                }

                await db.SaveChangesAsync(ct);
                return existing.Id;
            });
            if (saved.Succeeded)
            {
                return RecordResult<Guid>.Done(saved.Value);
            }

            errors = saved.Errors;
        }

        form.Choices = await ChoicesAsync(existing?.Id, ct);
        return RecordResult<Guid>.Invalid(errors);
    }

    /// <summary>The centre chooses a county or park; everyone else records in the own organization's region.</summary>
    private Task<string> RegionAsync(string? chosen, CancellationToken ct)
    {
        if (!permissions.IsCenter)
        {
            return Task.FromResult(actor.RegionCode);
        }

        return AnqingRegions.All.Any(r => r.Code == chosen && r.Kind != RegionKind.City)
            ? Task.FromResult(chosen!)
            : throw new Domain.DomainException("请选择场景所在的县（市、区）或园区", nameof(ScenarioForm.RegionCode));
    }

    private async Task<ScenarioFormChoices> ChoicesAsync(Guid? id, CancellationToken ct) =>
        new(id, await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct), permissions.IsCenter ? AnqingRegions.All.Where(r => r.Kind != RegionKind.City).ToList() : []);
}

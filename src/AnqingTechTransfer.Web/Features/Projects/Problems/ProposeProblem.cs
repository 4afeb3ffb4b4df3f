using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Problems;

public class ProblemForm
{
    [Display(Name = "题目")]
    [Required(ErrorMessage = "请填写题目")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "技术难题描述")]
    [Required(ErrorMessage = "请填写技术难题描述")]
    [StringLength(4000, ErrorMessage = "不能超过4000个字")]
    public string Description { get; set; } = string.Empty;

    [Display(Name = "攻关指标")]
    [Required(ErrorMessage = "请填写攻关指标")]
    [StringLength(2000, ErrorMessage = "不能超过2000个字")]
    public string Targets { get; set; } = string.Empty;

    [Display(Name = "企业投入资金（万元）")]
    [Required(ErrorMessage = "请填写企业投入资金")]
    public decimal? OwnFunds { get; set; }

    [Display(Name = "完成期限")]
    [Required(ErrorMessage = "请填写完成期限")]
    public DateOnly? Deadline { get; set; }
}

/// <summary>提出技术难题: an enterprise proposes a problem for its county or park to screen; a broken rule comes back on the form.</summary>
public class ProposeProblemHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Guid>> HandleAsync(ProblemForm form, CancellationToken ct) => FieldErrors.TryAsync(async () =>
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var problem = Problem.Propose(own.Id, own.Name, own.RegionCode, form.Title, form.Description, form.Targets, form.OwnFunds!.Value, form.Deadline!.Value,
            Display.Today(clock), clock.GetUtcNow());
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        return problem.Id;
    });
}

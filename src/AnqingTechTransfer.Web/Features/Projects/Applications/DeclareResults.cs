using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>竞争后补助: what the applicant already achieved, with the audited R&amp;D spend of the period (万元).</summary>
public class ResultsForm
{
    [Display(Name = "已完成的研发内容和取得的成果")]
    [StringLength(4000, ErrorMessage = "不能超过4000个字")]
    public string? Content { get; set; }

    [Display(Name = "成果形式")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string? ResultForm { get; set; }

    [Display(Name = "研发起始日期")]
    public DateOnly? From { get; set; }

    [Display(Name = "研发结束日期")]
    public DateOnly? To { get; set; }

    [Display(Name = "经审计的研发投入（万元）")]
    public decimal? AuditedSpend { get; set; }

    [Display(Name = "可补助支出（万元）")]
    public decimal? EligibleSpend { get; set; }

    public static ResultsForm Of(AchievedResults? r) => r is null
        ? new ResultsForm()
        : new ResultsForm { Content = r.Content, ResultForm = r.ResultForm, From = r.From, To = r.To, AuditedSpend = r.AuditedSpend, EligibleSpend = r.EligibleSpend };
}

/// <summary>
/// 竞争后补助 申报成果: the applicant's own draft (or returned) application declares its results; the domain checks them and
/// computes the subsidy. A broken rule comes back on the application page next to its field, with the values as posted.
/// </summary>
public class DeclareResultsHandler(PortalDbContext db, ProjectPermissions permissions, ApplicationDetailsHandler details, Contracts.ContractCalendarHandler calendar)
    : IUseCase
{
    public async Task<RecordResult<ApplicationView?>> HandleAsync(Guid id, ResultsForm form, bool formValid, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecordResult<ApplicationView?>.NotFound;
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return RecordResult<ApplicationView?>.Forbidden;
        }

        if (!formValid)
        {
            return RecordResult<ApplicationView?>.Invalid([], await details.HandleAsync(id, null, ct, form));
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var saved = await FieldErrors.TryAsync(async () =>
        {
            application.DeclareResults(PostSubsidies.Declare(programme.Terms, form.Content, form.ResultForm, form.From, form.To, form.AuditedSpend, form.EligibleSpend,
                calendar.Today));
            await db.SaveChangesAsync(ct);
            return id;
        });
        return saved.Succeeded
            ? RecordResult<ApplicationView?>.Done(null)
            : RecordResult<ApplicationView?>.Invalid(saved.Errors, await details.HandleAsync(id, null, ct, form));
    }
}

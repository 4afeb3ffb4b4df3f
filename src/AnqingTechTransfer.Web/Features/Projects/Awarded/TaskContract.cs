using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>
/// 签订任务书: the bureau turns an awarded application into a project with its term and tranche plan (each line
/// "期次,金额,拨付条件,计划日期"). A broken rule or a bad line is the filter's flash message (no form kept).
/// </summary>
public class TaskContractHandler(PortalDbContext db, ContractCalendarHandler calendar, Experts.Panels.PanelRecheckHandler recheck, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid applicationId, DateOnly? startsOn, DateOnly? endsOn, string? tranches, bool managesPlan, CancellationToken ct)
    {
        var application = await db.ProjectApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var mode = await ProgrammeModes.OfAsync(db, application.ProgrammeId, ct);
        // 竞争后补助: no task contract — the whole subsidy as one payment due today, after which the project concludes.
        var project = mode == FundingMode.PostSubsidy
            ? Project.FromSubsidy(application, calendar.Today, clock.GetUtcNow())
            : Project.FromAward(application, startsOn ?? calendar.Today, endsOn ?? calendar.Today.AddYears(2), Plan(tranches), clock.GetUtcNow(), mode);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        // A new joint project binds its units: panels under review of either may now have an expert to replace (事后回避).
        var poster = application.PosterOrganizationId is { } posterId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == posterId).Select(o => o.CreditCode).SingleOrDefaultAsync(ct)
            : null;
        await recheck.AfterUnitsChangedAsync(poster is null ? [application.ApplicantCreditCode] : [application.ApplicantCreditCode, poster], ct);
        return RecordResult<Guid>.Done(project.Id);
    }

    private static List<Tranche> Plan(string? tranches) =>
        (tranches ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((l, i) =>
        {
            var p = l.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            return p.Length == 4 && int.TryParse(p[0], out var n) && decimal.TryParse(p[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                && DateOnly.TryParseExact(p[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                ? new Tranche(n, amount, p[2], on)
                : throw new DomainException($"拨款计划第{i + 1}行应为“期次,金额,拨付条件,计划日期”");
        }).ToList();
}

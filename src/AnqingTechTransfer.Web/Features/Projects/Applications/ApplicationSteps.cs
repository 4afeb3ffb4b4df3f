using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// The steps on a submitted application, each answered with its flash message: the applicant submits before the programme
/// closes (server clock); the county or park recommends or returns; the bureau's formal check lists every failure with its
/// reason; the 发榜方 of a 揭榜挂帅 problem gives its opinion. A broken rule stays the filter's flash message (no form here).
/// </summary>
public class ApplicationStepsHandler(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, FormalCheckHandler formalCheck, TimeProvider clock)
    : IUseCase
{
    public Task<RecordResult<string>> SubmitAsync(Guid id, uint version, CancellationToken ct) =>
        ActAsync(id, version, a => permissions.Allows(ProjectPermissions.Edit, a), async application =>
        {
            var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
            application.Submit(programme.Terms, clock.GetUtcNow());
            return "已提交，待所在县（市、区）、园区推荐。";
        }, ct);

    public Task<RecordResult<string>> RecommendAsync(Guid id, bool recommend, string? remark, uint version, CancellationToken ct) =>
        ActAsync(id, version, a => permissions.Allows(ProjectPermissions.Recommend, a), application =>
        {
            application.Recommend(recommend, remark);
            return Task.FromResult(recommend ? "已推荐至市科技局。" : "已退回申报单位修改。");
        }, ct);

    public Task<RecordResult<string>> CheckAsync(Guid id, uint version, CancellationToken ct) =>
        ActAsync(id, version, _ => permissions.ManagesPlan, async application =>
        {
            var failures = await formalCheck.EvaluateAsync(application, ct);
            application.RecordFormalCheck(failures);
            return failures.Count == 0 ? "形式审查通过。" : $"形式审查未通过：{string.Join("；", failures.Select(f => f.Reason))}";
        }, ct);

    /// <summary>揭榜挂帅: the enterprise that posted the problem says whether it supports the team.</summary>
    public Task<RecordResult<string>> PosterOpinionAsync(Guid id, bool supports, string? opinion, CancellationToken ct) =>
        ActAsync(id, null, a => permissions.Allows(ProjectPermissions.GiveOpinion, a), application =>
        {
            application.RecordPosterOpinion(actor.OrganizationId, supports, opinion ?? string.Empty);
            return Task.FromResult("发榜方意见已记录，市科技局立项时参考。");
        }, ct);

    /// <summary>
    /// One shape for every step on an application: not found (also for another's) → 404; not this user's step → 403; the
    /// version the form was read at (a concurrent change is refused); the domain step; saved.
    /// </summary>
    private async Task<RecordResult<string>> ActAsync(Guid id, uint? version, Func<ProjectApplication, bool> may, Func<ProjectApplication, Task<string>> act,
        CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!may(application))
        {
            return RecordResult<string>.Forbidden;
        }

        if (version is { } v)
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = v;
        }

        var done = await act(application);
        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done(done);
    }
}

using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>
/// A programme as an applicant reads it before applying: the call, the mode and what it means, the budget and the cap per
/// project, the window, the limits per unit, the documents asked for; whether the viewer may apply now.
/// </summary>
public sealed record ProgrammePage(Guid Id, string CallTitle, int Year, Guid CallId, bool CallPublished, ProgrammeTerms Terms, bool IsOpen, bool MayApply,
    bool IsBureau, bool SignedIn, IReadOnlyList<string> CallParagraphs, string? GuideFileName, IReadOnlyList<(Guid Id, string Title)> Problems)
{
    /// <summary>The bureau may still revise the programme: its call is not published.</summary>
    public bool Editable => IsBureau && !CallPublished;

    /// <summary>How the mode funds and selects (DOMAIN.md §2.2), in a sentence for applicants.</summary>
    public string ModeRule => Terms.Mode switch
    {
        FundingMode.Unveiling => "揭榜挂帅：围绕企业发布的榜单题目申报，发榜企业出具意见，立项后签订三方协议，按里程碑分期拨款。",
        FundingMode.Directed => "定向委托：由指定单位申报，经专家论证通过后立项，按任务书分期拨款。",
        FundingMode.Crowdsourcing => "研发众包：公开发布研发任务和验收标准，符合条件的单位在申报期内提交解决方案；截止后市科技局对全部方案并列比选，采纳不超过规定数量的方案，其余方案告知未被采纳的理由；采纳的方案立项，验收通过后拨付资金。",
        FundingMode.PostSubsidy => "竞争后补助：企业先行投入研发并取得成果后申报，填写已取得的成果和经审计的研发投入，上传专项审计报告和成果证明材料；经专家评审成果后，按补助比例乘以可补助支出核定补助（不超过单项上限），一次性拨付，不签订任务书、不再验收。",
        _ => string.Empty,
    };
}

/// <summary>
/// A programme's page: its call's body text and guide, the terms, and the 申报 button for an applicant while it is open. On a
/// 揭榜挂帅 programme the applicant picks a problem on its 榜单, never one its own organization posted (the 发榜方 does not
/// apply for its own problem); with none left, no button.
/// </summary>
public class ProgrammeDetailsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>Null when not found, or when its call is still a draft and the viewer is not the bureau.</summary>
    public async Task<ProgrammePage?> HandleAsync(Guid id, bool isBureau, bool mayApply, bool signedIn, CancellationToken ct)
    {
        var found = await db.Programmes.AsNoTracking().Where(p => p.Id == id)
            .Join(db.ProjectCalls.AsNoTracking(), p => p.CallId, c => c.Id, (p, c) => new { p.Terms, c.Id, c.Title, c.Year, c.Status, c.Body, c.Guide })
            .SingleOrDefaultAsync(ct);
        if (found is null || (found.Status == CallStatus.Draft && !isBureau))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var open = found.Status == CallStatus.Published && now >= found.Terms.OpensAt && now < found.Terms.ClosesAt;
        IReadOnlyList<(Guid, string)> problems = [];
        if (found.Terms.Mode == FundingMode.Unveiling && mayApply && open)
        {
            var own = actor.OrganizationId;
            problems = (await ListedProblems.Of(db).Where(p => p.ProgrammeId == id && p.OrganizationId != own).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                .Select(p => (p.Id, p.Title)).ToList();
        }

        var canApply = mayApply && open && (found.Terms.Mode != FundingMode.Unveiling || problems.Count > 0);
        return new ProgrammePage(id, found.Title, found.Year, found.Id, found.Status != CallStatus.Draft, found.Terms, open, canApply, isBureau, signedIn,
            Call.ParagraphsOf(found.Body), found.Guide?.FileName, problems);
    }
}

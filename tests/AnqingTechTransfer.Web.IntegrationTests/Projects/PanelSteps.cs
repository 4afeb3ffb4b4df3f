using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Closes a project's panel with one signed chief expert, in the database: the panel's own flow (draw, declarations,
/// scoring, signature) is tested with the expert pool; the project tests only need its locked result.
/// </summary>
internal static class PanelSteps
{
    public static Task CloseAsync(PortalFixture fx, Guid panelId, IReadOnlyList<decimal> scores, string opinion = "同意") =>
        fx.WithDbAsync(async (db, _) =>
        {
            var panel = await db.ReviewPanels.Include(p => p.Members).SingleAsync(p => p.Id == panelId);
            var pool = await db.Experts.Where(e => e.Status == ExpertStatus.Active).OrderBy(e => e.Id).Take(1).ToListAsync();
            panel.RecordDraw(ExpertDraw.Run(3, new DrawCriteria([.. pool[0].Profile.FieldCodes], ExpertTypes.None, 1, 0, 1, 0, 0, panel.ReviewDate),
                    pool.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, true, 100, true)).ToList(), []),
                pool.ToDictionary(e => e.Id, e => e.UserId), DateTimeOffset.UtcNow);
            var chief = panel.Members.Single();
            panel.DesignateChief(chief.Id);
            panel.Declare(chief.Id, false, null);
            panel.Commit(chief.Id, DateTimeOffset.UtcNow);
            panel.Score(chief.Id, [.. scores], opinion, DateTimeOffset.UtcNow);
            panel.WritePrimaryOpinion(chief.Id, opinion);
            panel.Close(chief.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
}

/// <summary>Takes a filled application through submission, recommendation, formal check, review and decision to its award.</summary>
internal static class ApplicationSteps
{
    public static void Award(Domain.Projects.ProjectApplication application, Domain.Projects.ProgrammeTerms terms, DateTimeOffset submittedAt, decimal score, decimal amount)
    {
        if (terms.Mode == Domain.Projects.FundingMode.PostSubsidy && application.Results is null)
        {
            // 竞争后补助 asks for the results already achieved and their evidence: an eligible spend that gives exactly the amount.
            var today = DateOnly.FromDateTime(submittedAt.UtcDateTime);
            var eligible = amount / terms.SubsidyRate!.Value;
            application.DeclareResults(Domain.Projects.PostSubsidies.Declare(terms, "已完成的研发成果", "新产品", today.AddYears(-2), today.AddDays(-1), eligible, eligible, today));
            foreach (var kind in Domain.Projects.PostSubsidies.RequiredKinds)
            {
                application.Attach(kind);
            }
        }

        application.Submit(terms, submittedAt);
        application.Recommend(true, null);
        application.RecordFormalCheck([]);
        application.AssignPanel(Guid.NewGuid());
        application.RecordScore(score);
        application.Decide(true, amount, null, terms.Mode);
        application.Award();
    }
}

using AnqingTechTransfer.Domain.Experts;

namespace AnqingTechTransfer.Domain.Projects;

/// <summary>What an expert panel is asked to do for a plan project.</summary>
public enum ReviewStage
{
    /// <summary>立项评审: competitive scoring, ranked per programme against its budget.</summary>
    Selection = 1,
    /// <summary>定向委托专家论证: the named unit's proposal is appraised on its own; it passes or it does not.</summary>
    Appraisal = 2,
    /// <summary>结题验收: the results against the task contract's targets.</summary>
    Acceptance = 3,
    /// <summary>竞争后补助成果评审: the results already achieved and the R&amp;D spend behind them, ranked per programme.</summary>
    Results = 4,
}

/// <summary>
/// The panels of a plan project: which review each mode gets, its rubric and its pass mark. 定向委托 is appraised
/// (专家论证) instead of ranked; every project is accepted by a panel drawn from the expert pool.
/// </summary>
public static class ProjectReview
{
    /// <summary>An appraisal or an acceptance below this panel score cannot lead to an award or a pass.</summary>
    public const decimal PassMark = 60m;

    public static ReviewStage StageFor(FundingMode mode) => mode switch
    {
        FundingMode.Directed => ReviewStage.Appraisal,
        FundingMode.PostSubsidy => ReviewStage.Results,
        _ => ReviewStage.Selection,
    };

    public static string Kind(ReviewStage stage) => stage switch
    {
        ReviewStage.Selection => "项目申报评审",
        ReviewStage.Appraisal => "定向委托专家论证",
        ReviewStage.Results => "竞争后补助成果评审",
        _ => "项目验收",
    };

    public static IReadOnlyList<RubricItem> Rubric(ReviewStage stage) => stage switch
    {
        ReviewStage.Selection =>
            [new RubricItem("技术先进性与创新性", 30), new RubricItem("实施方案可行性", 30), new RubricItem("团队与条件", 20), new RubricItem("经济社会效益", 20)],
        ReviewStage.Appraisal =>
            [new RubricItem("任务必要性与紧迫性", 25), new RubricItem("技术路线可行性", 30), new RubricItem("承担单位能力与条件", 25), new RubricItem("经费预算合理性", 20)],
        ReviewStage.Results =>
            [new RubricItem("成果先进性", 30), new RubricItem("经济效益", 25), new RubricItem("研发投入真实性", 25), new RubricItem("成果转化与示范作用", 20)],
        _ => [new RubricItem("考核指标完成情况", 40), new RubricItem("经费使用规范性", 20), new RubricItem("成果水平与效益", 25), new RubricItem("档案资料完整性", 15)],
    };

    /// <summary>
    /// The panel of an application at a stage (issue 23 §2): its subject taken from the application — the applicant, the
    /// partners (with the 发榜方, for 揭榜挂帅), the team and the experts it asks to avoid — and the stage's rubric.
    /// </summary>
    public static ReviewPanel PanelFor(ReviewStage stage, ProjectApplication application, IEnumerable<string> posterCreditCodes, DateOnly reviewDate, Guid createdBy,
        DateTimeOffset now) =>
        ReviewPanel.Create($"{Kind(stage)}：{application.Title}", Kind(stage),
            new ReviewSubject(application.ApplicantName, application.ApplicantCreditCode,
                application.Partners.Select(p => p.CreditCode).Concat(posterCreditCodes).Distinct(StringComparer.Ordinal).ToList(), application.Team, application.AvoidRequests),
            application.OrganizationId, Rubric(stage), Aggregation.TrimmedMean, 0.4m, reviewDate, createdBy, now, application.Id);

    /// <summary>Whether a panel score passes an appraisal or an acceptance.</summary>
    public static bool Passes(decimal score) => score >= PassMark;
}

namespace AnqingTechTransfer.Domain.Projects;

public enum ApplicationStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Recommended = 4,
    Ineligible = 5,
    Eligible = 6,
    Reviewed = 7,
    Approved = 8,
    NotApproved = 9,
    Awarded = 10,
}

public sealed record BudgetLine(string Category, decimal Own, decimal Requested);

public sealed record Milestone(string Name, DateOnly Due, string Deliverable);

/// <summary>A partner unit (合作单位) of the application, named with its 统一社会信用代码 (it feeds the experts' conflict rules).</summary>
public sealed record PartnerUnit(string Name, string CreditCode);

/// <summary>
/// An application to a programme. The applicant drafts and submits it before the programme closes (server time); its
/// county or park recommends or returns it; the formal check passes it or lists why not; the panel's score and the
/// bureau's decision follow; after publicity it is awarded.
/// </summary>
public class ProjectApplication
{
    private ProjectApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid? ProblemId { get; private set; }
    /// <summary>揭榜挂帅: the enterprise that posted the problem (发榜方), which takes part in choosing the team.</summary>
    public Guid? PosterOrganizationId { get; private set; }
    public bool? PosterSupports { get; private set; }
    public string? PosterOpinion { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string ApplicantName { get; private set; } = string.Empty;
    public string ApplicantCreditCode { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    /// <summary>The applicant (lead unit) is an enterprise: what the plan's 70 % counts.</summary>
    public bool EnterpriseLed { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Summary { get; private set; } = string.Empty;
    public List<BudgetLine> Budget { get; private set; } = [];
    public List<Milestone> Milestones { get; private set; } = [];
    public List<string> AttachedKinds { get; private set; } = [];
    /// <summary>The project team: names shown, ID numbers kept only as keyed hashes (they feed the experts' conflict rules).</summary>
    public List<Experts.TeamMember> Team { get; private set; } = [];
    /// <summary>合作单位: the units the applicant works with, each with a checked credit code.</summary>
    public List<PartnerUnit> Partners { get; private set; } = [];
    /// <summary>申请回避的专家 (at most <see cref="Experts.ReviewSubject.MaxAvoidRequests"/>): seen by the applicant and the bureau only.</summary>
    public List<Experts.AvoidRequest> AvoidRequests { get; private set; } = [];
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? Remark { get; private set; }
    public List<FormalCheckFailure> CheckFailures { get; private set; } = [];
    public Guid? PanelId { get; private set; }
    public decimal? Score { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    /// <summary>竞争后补助: the results already achieved, with the audited spend and the subsidy they give.</summary>
    public AchievedResults? Results { get; private set; }
    public uint Version { get; private set; }

    /// <summary>What the applicant asks for: the budget's requested funds, or for 竞争后补助 the computed subsidy.</summary>
    public decimal Requested => Results?.Subsidy ?? Budget.Sum(b => b.Requested);
    public decimal OwnFunds => Budget.Sum(b => b.Own);

    public static ProjectApplication Draft(Programme programme, Guid organizationId, string applicantName, string creditCode, string regionCode, bool enterpriseLed,
        Guid? problemId, DateTimeOffset now, Guid? posterOrganizationId = null)
    {
        if (programme.Terms.Mode == FundingMode.Unveiling && problemId is null)
        {
            throw new DomainException("揭榜挂帅须选择榜单上的题目", "ProblemId");
        }

        if (posterOrganizationId is { } poster && poster == organizationId)
        {
            throw new DomainException("发榜企业不能揭自己发布的榜，请选择其他题目", "ProblemId");
        }

        if (programme.Terms.Mode == FundingMode.Directed && !string.Equals(programme.Terms.DirectedCreditCode, creditCode, StringComparison.Ordinal))
        {
            throw new DomainException("定向委托专项只能由指定单位申报，本单位不是该专项指定的承担单位", "ProgrammeId");
        }

        return new ProjectApplication
        {
            Id = Guid.CreateVersion7(now), ProgrammeId = programme.Id, ProblemId = problemId, OrganizationId = organizationId, ApplicantName = applicantName,
            ApplicantCreditCode = creditCode, RegionCode = regionCode, EnterpriseLed = enterpriseLed, Status = ApplicationStatus.Draft,
            PosterOrganizationId = posterOrganizationId,
        };
    }

    /// <summary>The 发榜方's view of a team that applied to its problem, before the bureau decides.</summary>
    public void RecordPosterOpinion(Guid posterOrganizationId, bool supports, string opinion)
    {
        Require(PosterOrganizationId == posterOrganizationId, "只有发榜企业可以对揭榜团队发表意见");
        Require(Status is ApplicationStatus.Recommended or ApplicationStatus.Eligible or ApplicationStatus.Reviewed, "申报书在推荐后、立项决定前可以发表意见");
        Require(!string.IsNullOrWhiteSpace(opinion), "请填写意见");
        PosterSupports = supports;
        PosterOpinion = opinion.Trim();
    }

    public void Edit(string title, string summary, IEnumerable<BudgetLine> budget, IEnumerable<Milestone> milestones, IEnumerable<string> attachedKinds,
        IEnumerable<Experts.TeamMember>? team = null, IEnumerable<PartnerUnit>? partners = null, IEnumerable<Experts.AvoidRequest>? avoid = null)
    {
        Require(Status is ApplicationStatus.Draft or ApplicationStatus.Returned, "已提交的申报书不能修改");
        var partnerList = partners?.ToList() ?? Partners;
        CheckPartners(partnerList, ApplicantCreditCode);
        var avoidList = avoid?.ToList() ?? AvoidRequests;
        CheckAvoidRequests(avoidList);
        Partners = partnerList;
        AvoidRequests = avoidList;
        Team = team?.ToList() ?? Team;
        Title = title.Trim();
        Summary = summary.Trim();
        Budget = budget.ToList();
        Milestones = milestones.OrderBy(m => m.Due).ToList();
        AttachedKinds = attachedKinds.Distinct().ToList();
    }

    /// <summary>A required document was uploaded under its kind (申报书, 承诺书, …).</summary>
    public void Attach(string kind)
    {
        Require(Status is ApplicationStatus.Draft or ApplicationStatus.Returned, "已提交的申报书不能再上传附件");
        if (!AttachedKinds.Contains(kind))
        {
            AttachedKinds = [.. AttachedKinds, kind];
        }
    }

    /// <summary>竞争后补助: the results already achieved (<see cref="PostSubsidies.Declare"/> checked them and computed the subsidy).</summary>
    public void DeclareResults(AchievedResults results)
    {
        Require(Status is ApplicationStatus.Draft or ApplicationStatus.Returned, "已提交的申报书不能修改");
        Results = results;
    }

    public void Submit(ProgrammeTerms programme, DateTimeOffset now)
    {
        Require(Status is ApplicationStatus.Draft or ApplicationStatus.Returned, "申报书已提交");
        if (!programme.IsOpen(now))
        {
            throw new DomainException(now >= programme.ClosesAt
                ? $"申报已于 {programme.ClosesAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日 HH:mm} 截止，不能再提交"
                : "申报尚未开始");
        }

        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Summary))
        {
            throw new DomainException("请填写项目名称和主要内容");
        }

        if (programme.Mode == FundingMode.PostSubsidy)
        {
            // Ex-post: no budget to plan and no task-contract milestones; the results, their audit and their evidence instead.
            if (Results is null)
            {
                throw new DomainException("竞争后补助须填写已取得的成果和经审计的研发投入");
            }

            var missing = PostSubsidies.RequiredKinds.Where(k => !AttachedKinds.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                throw new DomainException($"请上传{string.Join("、", missing)}");
            }
        }
        else
        {
            if (Budget.Count == 0 || Requested <= 0)
            {
                throw new DomainException("请填写预算，申请资助金额应大于0");
            }

            if (Requested > programme.MaxAward)
            {
                throw new DomainException($"申请资助 {Requested} 万元，超过本专项单项上限 {programme.MaxAward} 万元");
            }

            if (Milestones.Count == 0)
            {
                throw new DomainException("请至少填写一个里程碑");
            }
        }

        if (Team.Count == 0)
        {
            throw new DomainException("请填写项目团队成员");
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        Remark = null;
    }

    public void Recommend(bool recommend, string? remark)
    {
        Require(Status == ApplicationStatus.Submitted, "只能推荐已提交的申报书");
        if (!recommend && string.IsNullOrWhiteSpace(remark))
        {
            throw new DomainException("退回须说明理由", nameof(Remark));
        }

        Status = recommend ? ApplicationStatus.Recommended : ApplicationStatus.Returned;
        Remark = remark?.Trim();
    }

    public void RecordFormalCheck(IReadOnlyList<FormalCheckFailure> failures)
    {
        Require(Status == ApplicationStatus.Recommended, "只能对县区、园区推荐的申报书进行形式审查");
        CheckFailures = failures.ToList();
        Status = failures.Count == 0 ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible;
    }

    public void AssignPanel(Guid panelId)
    {
        Require(Status == ApplicationStatus.Eligible, "形式审查通过后才能组织专家评审");
        PanelId = panelId;
    }

    public void RecordScore(decimal score)
    {
        Require(Status == ApplicationStatus.Eligible && PanelId is not null, "没有进行中的专家评审");
        Score = score;
        Status = ApplicationStatus.Reviewed;
    }

    /// <summary>The bureau's decision; a 定向委托 proposal the appraisal did not pass cannot be approved.</summary>
    public void Decide(bool approve, decimal? amount, string? remark, FundingMode mode)
    {
        Require(Status == ApplicationStatus.Reviewed, "专家评审后才能决定是否立项");
        if (mode == FundingMode.PostSubsidy && approve && amount > Requested)
        {
            throw new DomainException($"竞争后补助按规定比例计算的补助为 {Requested:0.##} 万元，立项补助不能超过该金额", nameof(ApprovedAmount));
        }

        if (approve && mode == FundingMode.Directed && !ProjectReview.Passes(Score!.Value))
        {
            throw new DomainException($"专家论证得分 {Score:0.00} 分，低于 {ProjectReview.PassMark:0} 分，定向委托项目未通过论证，不能立项");
        }

        if (approve && (amount is null or <= 0 || amount > Requested))
        {
            throw new DomainException("立项资助金额应大于0且不超过申请金额", nameof(ApprovedAmount));
        }

        if (!approve && mode == FundingMode.Crowdsourcing)
        {
            // A solution not accepted is told why, however the bureau reached the decision.
            RejectSolution(remark ?? string.Empty);
            return;
        }

        Status = approve ? ApplicationStatus.Approved : ApplicationStatus.NotApproved;
        ApprovedAmount = approve ? amount : null;
        Remark = remark?.Trim();
    }

    /// <summary>研发众包: the bureau accepts this solution (拟立项) with its amount, on the side-by-side page (<see cref="CrowdSelection"/>).</summary>
    public void AcceptSolution(decimal amount)
    {
        Require(CrowdSelection.IsOpen(this), "该方案不在待决定之列");
        Require(amount > 0, "采纳金额应大于0");
        Status = ApplicationStatus.Approved;
        ApprovedAmount = amount;
        Remark = null;
    }

    /// <summary>研发众包: not accepted; the reason is what its applicant reads ("未被采纳：…").</summary>
    public void RejectSolution(string reason)
    {
        Require(CrowdSelection.IsOpen(this), "该方案不在待决定之列");
        Require(!string.IsNullOrWhiteSpace(reason), "不予采纳须说明理由");
        Require(reason.Trim().Length <= CrowdSelection.MaxReasonLength, $"理由不能超过{CrowdSelection.MaxReasonLength}个字");
        Status = ApplicationStatus.NotApproved;
        ApprovedAmount = null;
        Remark = $"{RejectedPrefix}{reason.Trim()}";
    }

    public const string RejectedPrefix = "未被采纳：";

    /// <summary>立项公示: an objection upheld against this application removes it from the list (撤销立项); it is not awarded.</summary>
    public void RemoveAfterObjection(string reason)
    {
        Require(Status == ApplicationStatus.Approved, "只能撤销公示中的拟立项项目");
        Require(!string.IsNullOrWhiteSpace(reason), "撤销立项须说明理由");
        Status = ApplicationStatus.NotApproved;
        ApprovedAmount = null;
        Remark = $"公示异议成立，撤销立项：{reason.Trim()}";
    }

    public void Award()
    {
        Require(Status == ApplicationStatus.Approved, "公示结束后才能下达立项");
        Status = ApplicationStatus.Awarded;
    }

    /// <summary>
    /// 合作单位: each with a name and a valid 统一社会信用代码 (check character included), not the applicant itself, each unit
    /// once. The field named is the row's (Partners[i].Name / Partners[i].CreditCode).
    /// </summary>
    public static void CheckPartners(IReadOnlyList<PartnerUnit> partners, string applicantCreditCode)
    {
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                throw new DomainException("请填写合作单位名称", $"Partners[{i}].Name");
            }

            var verdict = Organizations.CreditCode.Check(p.CreditCode);
            if (verdict != Organizations.CreditCodeVerdict.Valid)
            {
                throw new DomainException(verdict == Organizations.CreditCodeVerdict.InvalidFormat
                    ? Organizations.CreditCode.Message(verdict)
                    : "统一社会信用代码校验位不符，请核对", $"Partners[{i}].CreditCode");
            }

            if (string.Equals(p.CreditCode, applicantCreditCode, StringComparison.Ordinal))
            {
                throw new DomainException("合作单位不能是申报单位本身", $"Partners[{i}].CreditCode");
            }

            if (partners.Take(i).Any(q => string.Equals(q.CreditCode, p.CreditCode, StringComparison.Ordinal)))
            {
                throw new DomainException("该合作单位已填写", $"Partners[{i}].CreditCode");
            }
        }
    }

    /// <summary>申请回避: at most <see cref="Experts.ReviewSubject.MaxAvoidRequests"/> experts, each named with a reason.</summary>
    public static void CheckAvoidRequests(IReadOnlyList<Experts.AvoidRequest> avoid)
    {
        if (avoid.Count > Experts.ReviewSubject.MaxAvoidRequests)
        {
            throw new DomainException($"申请回避的专家不超过{Experts.ReviewSubject.MaxAvoidRequests}名", "AvoidRequests");
        }

        for (var i = 0; i < avoid.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(avoid[i].ExpertName))
            {
                throw new DomainException("请填写申请回避的专家姓名", $"AvoidRequests[{i}].ExpertName");
            }

            if (string.IsNullOrWhiteSpace(avoid[i].Reason))
            {
                throw new DomainException("申请回避须说明理由", $"AvoidRequests[{i}].Reason");
            }
        }
    }

    /// <summary>The budget against the programme's cap on one project (申请资助合计 ≤ 单项资助上限).</summary>
    public static string? BudgetProblem(IEnumerable<BudgetLine> budget, ProgrammeTerms programme)
    {
        var requested = budget.Sum(b => b.Requested);
        return requested > programme.MaxAward ? $"申请资助合计 {requested:0.##} 万元，超过本专项单项上限 {programme.MaxAward:0.##} 万元" : null;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

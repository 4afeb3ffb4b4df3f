namespace AnqingTechTransfer.Domain.Projects;

/// <summary>The four award modes of the plan (DOMAIN.md §2.2).</summary>
public enum FundingMode
{
    /// <summary>揭榜挂帅: teams apply to a problem an enterprise posted; the enterprise takes part in the choice.</summary>
    Unveiling = 1,
    /// <summary>定向委托: the bureau names the unit; only it applies; expert appraisal instead of competition.</summary>
    Directed = 2,
    /// <summary>研发众包: open tasks; solutions judged on acceptance.</summary>
    Crowdsourcing = 3,
    /// <summary>竞争后补助: the work is done at the applicant's cost; the subsidy is paid after review of results.</summary>
    PostSubsidy = 4,
}

public enum CallStatus
{
    Draft = 1,
    Published = 2,
    Closed = 3,
}

public static class FundingModes
{
    public static string Name(this FundingMode mode) => mode switch
    {
        FundingMode.Unveiling => "揭榜挂帅",
        FundingMode.Directed => "定向委托",
        FundingMode.Crowdsourcing => "研发众包",
        FundingMode.PostSubsidy => "竞争后补助",
        _ => mode.ToString(),
    };
}

/// <summary>A yearly call (申报指南) with its programmes.</summary>
public class Call
{
    private readonly List<Programme> _programmes = [];

    private Call()
    {
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = string.Empty;
    /// <summary>正文: the call's text as the bureau wrote it (paragraphs separated by line breaks).</summary>
    public string Body { get; private set; } = string.Empty;
    /// <summary>指南文件: the guide document (PDF or Word), downloadable by anyone who may see the published call.</summary>
    public CallGuide? Guide { get; private set; }
    public CallStatus Status { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Programme> Programmes => _programmes;

    public const int MaxBodyLength = 20000;

    public static Call Draft(int year, string title, DateTimeOffset now, string? body = null)
    {
        if (year is < 2020 or > 2100)
        {
            throw new DomainException("年度不在有效范围内", nameof(Year));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("请填写指南名称", nameof(Title));
        }

        var call = new Call { Id = Guid.CreateVersion7(now), Year = year, Title = title.Trim(), Status = CallStatus.Draft };
        call.EditText(title, body ?? string.Empty);
        return call;
    }

    /// <summary>The title and the body text, while the call is a draft.</summary>
    public void EditText(string title, string body)
    {
        RequireDraft("指南已发布，不能再修改正文");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("请填写指南名称", nameof(Title));
        }

        if (body.Length > MaxBodyLength)
        {
            throw new DomainException($"正文不能超过{MaxBodyLength}个字", nameof(Body));
        }

        Title = title.Trim();
        Body = body.Replace("\r\n", "\n").Trim();
    }

    /// <summary>The guide document (replacing an earlier one), while the call is a draft.</summary>
    public void AttachGuide(CallGuide guide)
    {
        RequireDraft("指南已发布，不能再更换指南文件");
        Guide = guide;
    }

    /// <summary>A programme's terms are revised until the call is published; afterwards applicants rely on them.</summary>
    public void EditProgramme(Guid programmeId, ProgrammeTerms terms)
    {
        RequireDraft("指南已发布，专项不能再修改");
        var programme = _programmes.SingleOrDefault(p => p.Id == programmeId) ?? throw new DomainException("该专项不属于本指南");
        terms.Validate();
        programme.Revise(terms);
    }

    /// <summary>The paragraphs of the body, for display.</summary>
    public IReadOnlyList<string> Paragraphs => ParagraphsOf(Body);

    public static IReadOnlyList<string> ParagraphsOf(string body) => body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private void RequireDraft(string message)
    {
        if (Status != CallStatus.Draft)
        {
            throw new DomainException(message);
        }
    }

    public Programme AddProgramme(ProgrammeTerms terms, DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
        {
            throw new DomainException("指南发布后不能再增加专项");
        }

        terms.Validate();
        var programme = new Programme(Guid.CreateVersion7(now), Id, terms.WithModeAttachments());
        _programmes.Add(programme);
        return programme;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
        {
            throw new DomainException("指南已发布");
        }

        if (_programmes.Count == 0)
        {
            throw new DomainException("指南至少包含一个专项");
        }

        Status = CallStatus.Published;
        PublishedAt = now;
    }
}

/// <summary>What a programme (专项) offers and asks: mode, budget (万元), window, caps, required attachments, rubric.</summary>
public sealed record ProgrammeTerms(string Name, FundingMode Mode, decimal Budget, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int CapPerOrganization,
    int CapForEnterprises, bool IsTackling, IReadOnlyList<string> RequiredAttachments, string? DirectedCreditCode, decimal MaxAward)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new DomainException("请填写专项名称", nameof(Name));
        }

        if (Budget <= 0 || MaxAward <= 0 || MaxAward > Budget)
        {
            throw new DomainException("预算和单项资助上限应大于0，且单项上限不超过预算", nameof(Budget));
        }

        if (ClosesAt <= OpensAt)
        {
            throw new DomainException("截止时间应晚于开始时间", nameof(ClosesAt));
        }

        if (CapPerOrganization < 1 || CapForEnterprises < CapPerOrganization)
        {
            throw new DomainException("每个单位的申报限额至少为1项，企业限额不低于一般限额", nameof(CapPerOrganization));
        }

        if (Mode == FundingMode.Directed && string.IsNullOrWhiteSpace(DirectedCreditCode))
        {
            throw new DomainException("定向委托须指定承担单位", nameof(DirectedCreditCode));
        }

        if (Mode == FundingMode.PostSubsidy && SubsidyRate is not (> 0m and <= 1m))
        {
            throw new DomainException("竞争后补助须填写补助比例，应大于0且不超过1（如0.3表示30%）", nameof(SubsidyRate));
        }

        if (Mode == FundingMode.Crowdsourcing)
        {
            if (string.IsNullOrWhiteSpace(AcceptanceCriteria))
            {
                throw new DomainException("研发众包须填写验收标准", nameof(AcceptanceCriteria));
            }

            if (AcceptedSolutions is < 1 or > MaxAcceptedSolutions)
            {
                throw new DomainException($"可采纳方案数应为1至{MaxAcceptedSolutions}个", nameof(AcceptedSolutions));
            }
        }
    }

    public const int MaxAcceptedSolutions = 20;

    /// <summary>竞争后补助: the share of the eligible R&amp;D spend the subsidy pays (0.3 = 30 %), capped by <see cref="MaxAward"/>.</summary>
    public decimal? SubsidyRate { get; init; }

    /// <summary>研发众包: what a solution must meet to be accepted (验收标准), published with the task.</summary>
    public string? AcceptanceCriteria { get; init; }

    /// <summary>研发众包: how many solutions may be accepted (1..N).</summary>
    public int AcceptedSolutions { get; init; } = 1;

    /// <summary>The terms with the documents the mode itself requires (竞争后补助: the audit report and the evidence of results).</summary>
    public ProgrammeTerms WithModeAttachments() => Mode == FundingMode.PostSubsidy
        ? this with { RequiredAttachments = RequiredAttachments.Concat(PostSubsidies.RequiredKinds).Distinct().ToList() }
        : this;

    /// <summary>The plan loosens the cap for enterprises.</summary>
    public int CapFor(bool isEnterprise) => isEnterprise ? CapForEnterprises : CapPerOrganization;

    /// <summary>Open on the server's clock: from the opening to the closing instant, closing excluded.</summary>
    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

public class Programme(Guid id, Guid callId, ProgrammeTerms terms)
{
    public Guid Id { get; private set; } = id;
    public Guid CallId { get; private set; } = callId;
    public ProgrammeTerms Terms { get; private set; } = terms;

    internal void Revise(ProgrammeTerms terms) => Terms = terms;
}

/// <summary>The call's guide document: the stored attachment, its name and its kind (PDF or Word).</summary>
public sealed record CallGuide(Guid AttachmentId, string FileName, Files.FileKind Kind);

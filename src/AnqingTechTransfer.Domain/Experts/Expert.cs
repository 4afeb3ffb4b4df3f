namespace AnqingTechTransfer.Domain.Experts;

[Flags]
public enum ExpertTypes
{
    None = 0,
    Technical = 1,
    Financial = 2,
    Management = 4,
    Investment = 8,
    Legal = 16,
}

public enum ExpertStatus
{
    Applied = 1,
    Active = 2,
    Suspended = 3,
    Removed = 4,
    Rejected = 5,
}

public enum RelationKind
{
    Relative = 1,
    SupervisorOrStudent = 2,
    Shareholding = 3,
    Consultancy = 4,
    PartTimePost = 5,
    /// <summary>原单位: the employer the expert left on <see cref="DeclaredRelation.Until"/>; a conflict for three years after.</summary>
    FormerEmployer = 6,
    Other = 9,
}

/// <summary>
/// A relation the expert declares: a person (relative, student or supervisor: matched by ID-number key) or an organization
/// (shareholding, consultancy, part-time post, former employer: matched by credit code). <paramref name="Until"/> is the day a
/// former employment ended.
/// </summary>
public sealed record DeclaredRelation(RelationKind Kind, string Name, string? CreditCode, string? PersonKey, string? Note, DateOnly? Until = null);

public sealed record Blackout(DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// An expert of the municipal review pool. The ID number and mobile are held encrypted (<see cref="IdNumberCipher"/>)
/// with a keyed hash (<see cref="IdNumberKey"/>) that finds the same person however often they apply; pages show the
/// masked forms only.
/// </summary>
public class Expert
{
    private readonly List<IntegrityEvent> _events = [];

    private Expert()
    {
    }

    public Guid Id { get; private set; }
    public Guid? UserId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string IdNumberCipher { get; private set; } = string.Empty;
    public string IdNumberKey { get; private set; } = string.Empty;
    public string IdNumberMasked { get; private set; } = string.Empty;
    public string MobileCipher { get; private set; } = string.Empty;
    public string MobileKey { get; private set; } = string.Empty;
    public string MobileMasked { get; private set; } = string.Empty;
    /// <summary>Where the review fees (评审劳务费) are paid: the bank, and the account encrypted and masked like the ID number.</summary>
    public string BankName { get; private set; } = string.Empty;
    public string BankAccountCipher { get; private set; } = string.Empty;
    public string BankAccountMasked { get; private set; } = string.Empty;
    public ExpertProfile Profile { get; private set; } = ExpertProfile.Empty;
    public List<DeclaredRelation> Relations { get; private set; } = [];
    public List<Blackout> Blackouts { get; private set; } = [];
    public ExpertStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateOnly? SuspendedUntil { get; private set; }
    /// <summary>Who put the expert forward: themselves, or a recommending organization.</summary>
    public Guid? RecommendedByOrganizationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? NextEvaluationDue { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<IntegrityEvent> Events => _events;

    public static Expert Apply(Guid? userId, string name, ProtectedId idNumber, ProtectedId mobile, ExpertProfile profile, Guid? recommendedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            throw new DomainException("请填写姓名（不超过50个字）", nameof(Name));
        }

        profile.Validate();
        return new Expert
        {
            Id = Guid.CreateVersion7(now), UserId = userId, Name = name.Trim(),
            IdNumberCipher = idNumber.Cipher, IdNumberKey = idNumber.Key, IdNumberMasked = idNumber.Masked,
            MobileCipher = mobile.Cipher, MobileKey = mobile.Key, MobileMasked = mobile.Masked,
            Profile = profile, Status = ExpertStatus.Applied, RecommendedByOrganizationId = recommendedBy, CreatedAt = now,
        };
    }

    public void Update(ExpertProfile profile, IEnumerable<DeclaredRelation> relations, IEnumerable<Blackout> blackouts)
    {
        profile.Validate();
        Profile = profile;
        Relations = relations.ToList();
        Blackouts = blackouts.Where(b => b.To >= b.From).ToList();
    }

    /// <summary>The account the review fees are paid into; a new account replaces the old one, a blank one keeps it.</summary>
    public void SetBankAccount(string? bankName, ProtectedId? account)
    {
        var bank = bankName?.Trim() ?? string.Empty;
        if (bank.Length > 100)
        {
            throw new DomainException("开户银行不能超过100个字", nameof(BankName));
        }

        if (account is not null && bank.Length == 0)
        {
            throw new DomainException("填写银行账号时请同时填写开户银行", nameof(BankName));
        }

        BankName = bank;
        if (account is not null)
        {
            (BankAccountCipher, BankAccountMasked) = (account.Cipher, account.Masked);
        }
    }

    public void Approve(DateOnly today) => Move(ExpertStatus.Active, null, [ExpertStatus.Applied], "只能批准待审核的申请", today.AddYears(1));

    public void Reject(string reason) => Move(ExpertStatus.Rejected, RequireReason(reason), [ExpertStatus.Applied], "只能驳回待审核的申请", null);

    public void Suspend(string reason, DateOnly? until) =>
        Move(ExpertStatus.Suspended, RequireReason(reason), [ExpertStatus.Active], "只能暂停在库专家", NextEvaluationDue, until);

    public void Reinstate(string reason, DateOnly today) =>
        Move(ExpertStatus.Active, RequireReason(reason), [ExpertStatus.Suspended], "只能恢复被暂停的专家", today.AddYears(1));

    public void Remove(string reason) =>
        Move(ExpertStatus.Removed, RequireReason(reason), [ExpertStatus.Active, ExpertStatus.Suspended, ExpertStatus.Applied], "该专家已出库", null);

    /// <summary>The yearly re-evaluation (动态调整): kept for another year.</summary>
    public void Reevaluate(DateOnly today)
    {
        if (Status != ExpertStatus.Active)
        {
            throw new DomainException("只有在库专家需要年度复核");
        }

        NextEvaluationDue = today.AddYears(1);
    }

    public bool IsDueForEvaluation(DateOnly today) => Status == ExpertStatus.Active && NextEvaluationDue <= today;

    public IntegrityEvent Record(IntegrityEventKind kind, string evidence, Sanction sanction, DateOnly? suspendedUntil, string recordedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new DomainException("请填写事实和证据", "Evidence");
        }

        var record = new IntegrityEvent(Guid.CreateVersion7(now), Id, kind, evidence.Trim(), sanction, suspendedUntil, recordedBy, now);
        _events.Add(record);
        switch (sanction)
        {
            case Sanction.Suspension when Status == ExpertStatus.Active:
                if (suspendedUntil is null)
                {
                    throw new DomainException("暂停须填写暂停截止日期", "SuspendedUntil");
                }

                Suspend($"诚信记录：{kind.Name()}", suspendedUntil);
                break;
            case Sanction.Removal when Status != ExpertStatus.Removed:
                Remove($"诚信记录：{kind.Name()}");
                break;
        }

        return record;
    }

    /// <summary>The credit score: 100 less each event's weight within the last three years (never below 0).</summary>
    public int CreditScore(DateOnly today) => Integrity.Score(_events, today);

    /// <summary>The credit score less what sanctions on this person in plan projects cost (ProjectSanction.PenaltyOn).</summary>
    public int CreditScore(DateOnly today, int sanctionPenalty) => Math.Max(0, Integrity.Score(_events, today) - sanctionPenalty);

    /// <summary>Can serve on a panel on that day: in the pool, not suspended, not in a blackout.</summary>
    public bool IsAvailableOn(DateOnly day) => Status == ExpertStatus.Active && !Blackouts.Any(b => b.Covers(day));

    private void Move(ExpertStatus to, string? reason, ExpertStatus[] from, string refusal, DateOnly? nextEvaluation, DateOnly? suspendedUntil = null)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(refusal);
        }

        Status = to;
        StatusReason = reason;
        SuspendedUntil = suspendedUntil;
        NextEvaluationDue = nextEvaluation;
    }

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("请填写理由", "Reason") : reason.Trim();
}

/// <summary>An identity number as stored: ciphertext, keyed hash for matching, masked form for display.</summary>
public sealed record ProtectedId(string Cipher, string Key, string Masked);

public sealed record ExpertProfile(string EmployerName, string EmployerCreditCode, string Title, string Degree, IReadOnlyList<string> FieldCodes,
    string Keywords, ExpertTypes Types, bool IsLocal)
{
    public static readonly ExpertProfile Empty = new(string.Empty, string.Empty, string.Empty, string.Empty, [], string.Empty, ExpertTypes.None, true);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(EmployerName))
        {
            throw new DomainException("请填写工作单位", nameof(EmployerName));
        }

        if (Organizations.CreditCode.Check(EmployerCreditCode) == Organizations.CreditCodeVerdict.InvalidFormat)
        {
            throw new DomainException("工作单位统一社会信用代码格式不正确", nameof(EmployerCreditCode));
        }

        if (FieldCodes.Count == 0)
        {
            throw new DomainException("请至少选择一个专业领域", nameof(FieldCodes));
        }

        if (Types == ExpertTypes.None)
        {
            throw new DomainException("请至少选择一种专家类型", nameof(Types));
        }
    }
}

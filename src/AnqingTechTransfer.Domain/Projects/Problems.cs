namespace AnqingTechTransfer.Domain.Projects;

public enum ProblemStatus
{
    Proposed = 1,
    Screened = 2,
    Listed = 3,
    Declined = 4,
    Taken = 5,
}

/// <summary>
/// 企业出题: a technical problem an enterprise proposes, with its targets, the money it will put in and its deadline; the
/// county or park screens it, the bureau lists it on a 揭榜挂帅 programme's 榜单.
/// </summary>
public class Problem
{
    private Problem()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string EnterpriseName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string Targets { get; private set; } = string.Empty;
    /// <summary>万元 the enterprise puts in.</summary>
    public decimal OwnFunds { get; private set; }
    public DateOnly Deadline { get; private set; }
    public ProblemStatus Status { get; private set; }
    public Guid? ProgrammeId { get; private set; }
    public string? Remark { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Problem Propose(Guid organizationId, string enterpriseName, string regionCode, string title, string description, string targets, decimal ownFunds,
        DateOnly deadline, DateOnly today, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(targets))
        {
            throw new DomainException("请填写题目、技术难题描述和攻关指标");
        }

        if (ownFunds <= 0)
        {
            throw new DomainException("企业投入资金应大于0", nameof(OwnFunds));
        }

        if (deadline <= today)
        {
            throw new DomainException("完成期限应晚于今天", nameof(Deadline));
        }

        return new Problem
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, EnterpriseName = enterpriseName, RegionCode = regionCode, Title = title.Trim(),
            Description = description.Trim(), Targets = targets.Trim(), OwnFunds = ownFunds, Deadline = deadline, Status = ProblemStatus.Proposed, CreatedAt = now,
        };
    }

    public void Screen(bool pass, string? remark)
    {
        Require(Status == ProblemStatus.Proposed, "只能初审新提出的题目");
        if (!pass && string.IsNullOrWhiteSpace(remark))
        {
            throw new DomainException("不予推荐须说明理由", nameof(Remark));
        }

        Status = pass ? ProblemStatus.Screened : ProblemStatus.Declined;
        Remark = remark?.Trim();
    }

    public void List(Programme programme)
    {
        Require(Status == ProblemStatus.Screened, "只有县区、园区推荐的题目可以列入榜单");
        Require(programme.Terms.Mode == FundingMode.Unveiling, "只能列入揭榜挂帅专项的榜单");
        Status = ProblemStatus.Listed;
        ProgrammeId = programme.Id;
    }

    public void MarkTaken()
    {
        Require(Status == ProblemStatus.Listed, "题目不在榜单上");
        Status = ProblemStatus.Taken;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

namespace AnqingTechTransfer.Domain.Reports;

public enum TransferReportStatus
{
    Draft = 1,
    Submitted = 2,
    /// <summary>退回: the bureau's reason is shown; the university corrects and submits again.</summary>
    Returned = 3,
    Accepted = 4,
}

/// <summary>The figures of a yearly report (amounts in 万元).</summary>
public sealed record TransferFigures(
    int ResultsTransferred, int Contracts, decimal ContractIncome, int Licences, decimal LicenceIncome, int EquityDeals, decimal EquityValue,
    decimal ResearcherRewards, int SpinOffs)
{
    public static readonly TransferFigures Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public TransferFigures Plus(TransferFigures o) => new(ResultsTransferred + o.ResultsTransferred, Contracts + o.Contracts, ContractIncome + o.ContractIncome,
        Licences + o.Licences, LicenceIncome + o.LicenceIncome, EquityDeals + o.EquityDeals, EquityValue + o.EquityValue,
        ResearcherRewards + o.ResearcherRewards, SpinOffs + o.SpinOffs);

    internal void Validate()
    {
        if (ResultsTransferred < 0 || Contracts < 0 || Licences < 0 || EquityDeals < 0 || SpinOffs < 0
            || ContractIncome < 0 || LicenceIncome < 0 || EquityValue < 0 || ResearcherRewards < 0)
        {
            throw new DomainException("数量和金额都不能为负数");
        }

        if (ContractIncome > 10_000_000 || LicenceIncome > 10_000_000 || EquityValue > 10_000_000 || ResearcherRewards > 10_000_000)
        {
            throw new DomainException("金额以万元为单位，请核对是否填写有误");
        }

        if (ResearcherRewards > ContractIncome + LicenceIncome + EquityValue)
        {
            throw new DomainException("奖励科研人员金额不能超过转化收入（合同、许可收入与作价入股金额之和）", nameof(ResearcherRewards));
        }
    }
}

/// <summary>
/// 高校院所科技成果转化年度报告: one per university or institute and year, pre-filled from its registered contracts on the
/// portal, completed by the university, reviewed by the bureau. The city summary adds the accepted reports of a year.
/// </summary>
public class TransferReport : IOrganizationOwned
{
    private TransferReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public TransferFigures Figures { get; private set; } = TransferFigures.Zero;
    /// <summary>What the portal's registered contracts showed when the report was started, kept for the reviewer to compare.</summary>
    public TransferFigures PortalFigures { get; private set; } = TransferFigures.Zero;
    public string Narrative { get; private set; } = string.Empty;
    public TransferReportStatus Status { get; private set; }
    public string? ReviewNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public uint Version { get; private set; }

    public static TransferReport Start(Guid organizationId, string organizationName, string regionCode, int year, int currentYear, TransferFigures fromPortal,
        DateTimeOffset now)
    {
        CheckYear(year, currentYear);
        return new TransferReport
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, OrganizationName = organizationName, RegionCode = regionCode, Year = year,
            Figures = fromPortal, PortalFigures = fromPortal, Status = TransferReportStatus.Draft, CreatedAt = now,
        };
    }

    /// <summary>A report covers an ended year of the plan period or after.</summary>
    public static void CheckYear(int year, int currentYear)
    {
        if (year < 2021 || year >= currentYear)
        {
            throw new DomainException($"只能报送2021年至{currentYear - 1}年已结束年度的报告", nameof(Year));
        }
    }

    public bool IsEditable => Status is TransferReportStatus.Draft or TransferReportStatus.Returned;

    public void Edit(TransferFigures figures, string narrative)
    {
        if (!IsEditable)
        {
            throw new DomainException("报告已报送，不能修改");
        }

        figures.Validate();
        Figures = figures;
        Narrative = narrative.Trim();
    }

    public void Submit(DateTimeOffset now)
    {
        if (!IsEditable)
        {
            throw new DomainException("报告已报送");
        }

        if (string.IsNullOrWhiteSpace(Narrative))
        {
            throw new DomainException("请填写年度转化工作情况说明", nameof(Narrative));
        }

        Status = TransferReportStatus.Submitted;
        SubmittedAt = now;
        ReviewNote = null;
    }

    public void Accept(string? note)
    {
        RequireSubmitted();
        Status = TransferReportStatus.Accepted;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void Return(string reason)
    {
        RequireSubmitted();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写退回原因", nameof(ReviewNote));
        }

        Status = TransferReportStatus.Returned;
        ReviewNote = reason.Trim();
    }

    private void RequireSubmitted()
    {
        if (Status != TransferReportStatus.Submitted)
        {
            throw new DomainException("报告不在待审核状态");
        }
    }
}

namespace AnqingTechTransfer.Domain.Organizations;

/// <summary>Every user belongs to one organization; every owned record hangs off one.</summary>
public class Organization
{
    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string CreditCode { get; private set; } = string.Empty;
    /// <summary>A bureau admin confirmed a code whose check character does not match.</summary>
    public bool CreditCodeChecksumOverridden { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public string? Address { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public OrganizationStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public Guid? LicenceAttachmentId { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The check character does not match; stored so reviewers' lists can filter on it.</summary>
    public bool HasChecksumWarning { get; private set; }

    public static Organization Create(OrganizationKind kind, string name, string creditCode, string regionCode, DateTimeOffset now,
        OrganizationStatus status = OrganizationStatus.Pending, string? address = null, string? contactName = null, string? contactPhone = null)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Status = status,
            CreatedAt = now,
        };
        organization.SetDetails(name, creditCode, regionCode, address, contactName, contactPhone);
        return organization;
    }

    public void SetDetails(string name, string creditCode, string regionCode, string? address, string? contactName, string? contactPhone)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写单位名称", nameof(Name));
        }

        var code = Organizations.CreditCode.Normalize(creditCode);
        if (Organizations.CreditCode.Check(code) == CreditCodeVerdict.InvalidFormat)
        {
            throw new DomainException(Organizations.CreditCode.Message(CreditCodeVerdict.InvalidFormat), nameof(CreditCode));
        }

        if (code != CreditCode)
        {
            CreditCodeChecksumOverridden = false;
        }

        Name = name.Trim();
        CreditCode = code;
        HasChecksumWarning = Organizations.CreditCode.Check(code) == CreditCodeVerdict.ChecksumMismatch;
        RegionCode = regionCode;
        Address = address?.Trim();
        ContactName = contactName?.Trim();
        ContactPhone = contactPhone?.Trim();
    }

    public void AttachLicence(Guid attachmentId) => LicenceAttachmentId = attachmentId;

    public void OverrideChecksumWarning() => CreditCodeChecksumOverridden = true;

    public void Approve(Guid reviewerId, DateTimeOffset now)
    {
        if (Status != OrganizationStatus.Pending)
        {
            throw new DomainException("只能审核待审核状态的注册申请");
        }

        if (HasChecksumWarning && !CreditCodeChecksumOverridden)
        {
            throw new DomainException("该单位的统一社会信用代码校验位不符，需系统管理员核实放行后才能通过", nameof(CreditCode));
        }

        Status = OrganizationStatus.Active;
        StatusReason = null;
        ReviewedAt = now;
        ReviewedByUserId = reviewerId;
    }

    public void Reject(Guid reviewerId, string reason, DateTimeOffset now)
    {
        if (Status != OrganizationStatus.Pending)
        {
            throw new DomainException("只能审核待审核状态的注册申请");
        }

        StatusReason = RequireReason(reason, "请填写不予通过的理由");
        Status = OrganizationStatus.Rejected;
        ReviewedAt = now;
        ReviewedByUserId = reviewerId;
    }

    /// <summary>A rejected applicant corrects its details and asks again.</summary>
    public void Resubmit()
    {
        if (Status != OrganizationStatus.Rejected)
        {
            throw new DomainException("只有未通过的注册申请可以修改后重新提交");
        }

        Status = OrganizationStatus.Pending;
    }

    public void Suspend(string reason)
    {
        if (Status != OrganizationStatus.Active)
        {
            throw new DomainException("只能停用正常状态的单位");
        }

        StatusReason = RequireReason(reason, "请填写停用理由");
        Status = OrganizationStatus.Suspended;
    }

    public void Reactivate()
    {
        if (Status != OrganizationStatus.Suspended)
        {
            throw new DomainException("只能恢复已停用的单位");
        }

        Status = OrganizationStatus.Active;
        StatusReason = null;
    }

    private static string RequireReason(string? reason, string message)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(message, "Reason");
        }

        return reason.Trim();
    }
}

namespace AnqingTechTransfer.Domain.Carriers;

/// <summary>The carrier types of DOMAIN.md §8.5.</summary>
public enum CarrierType
{
    InnovationCentre = 1,
    KeyLaboratory = 2,
    EngineeringResearchCentre = 3,
    EngineeringTechCentre = 4,
    EnterpriseTechCentre = 5,
    NewRdInstitution = 6,
    IndustryInstitute = 7,
    TransferCentre = 8,
    PilotBaseGeneral = 9,
    PilotBaseIndustry = 10,
    IndustrialisationBase = 11,
    MakerSpace = 12,
    Incubator = 13,
    Accelerator = 14,
    UniversityPark = 15,
    InnovationConsortium = 16,
    AcademicianStation = 17,
    PostdocStation = 18,
    CommissionerBase = 19,
    TalentEnclave = 20,
    RdEnclave = 21,
    /// <summary>技术转移机构 (including university transfer offices and the 安徽科技大市场安庆分市场): ranked each year.</summary>
    TransferAgency = 22,
}

/// <summary>A member's role in a 创新联合体.</summary>
public enum ConsortiumRole
{
    /// <summary>牵头单位</summary>
    Lead = 1,
    /// <summary>成员单位</summary>
    Member = 2,
}

/// <summary>A member of a 创新联合体: an organization on the portal, its role and what it does in the consortium (free text).</summary>
public sealed record ConsortiumMember(Guid OrganizationId, string OrganizationName, ConsortiumRole Role, string Duty, DateTimeOffset AddedAt);

/// <summary>Where a 飞地 (talent or R&amp;D enclave) sits outside Anqing, and the organization or park that hosts it there.</summary>
public sealed record EnclaveLocation(string Province, string City, string Address, string Host);

public enum CarrierLevel
{
    National = 1,
    Provincial = 2,
    Municipal = 3,
}

public enum CarrierStatus
{
    /// <summary>培育</summary>
    Cultivating = 1,
    /// <summary>已认定</summary>
    Recognised = 2,
    /// <summary>已撤销</summary>
    Revoked = 3,
}

/// <summary>
/// An innovation carrier: its type and level, its host (by credit code, and on the portal when registered there), the
/// university that co-builds it, its county or park, recognition year and batch, status, contact and capabilities.
/// Counties, parks and the bureau keep the record; the host updates its own profile.
/// </summary>
public class Carrier : IOrganizationOwned
{
    private Carrier()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public CarrierType Type { get; private set; }
    public CarrierLevel Level { get; private set; }
    /// <summary>The host's portal organization, or empty when the host is not on the portal.</summary>
    public Guid OrganizationId { get; private set; }
    public string HostName { get; private set; } = string.Empty;
    public string HostCreditCode { get; private set; } = string.Empty;
    public string CoBuilder { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public int? RecognitionYear { get; private set; }
    public string Batch { get; private set; } = string.Empty;
    public CarrierStatus Status { get; private set; }
    public string ContactName { get; private set; } = string.Empty;
    public string ContactPhone { get; private set; } = string.Empty;
    public string Capabilities { get; private set; } = string.Empty;
    /// <summary>Technology brokers (技术经纪人) of a transfer agency.</summary>
    public List<string> Brokers { get; private set; } = [];
    public string? StatusReason { get; private set; }
    /// <summary>The members of a 创新联合体 (empty for other kinds).</summary>
    public List<ConsortiumMember> Members { get; private set; } = [];
    /// <summary>The location of a 飞地 outside Anqing (null for other kinds, or until it is recorded).</summary>
    public EnclaveLocation? Enclave { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsPilotBase => Type is CarrierType.PilotBaseGeneral or CarrierType.PilotBaseIndustry;

    public static Carrier Register(string name, CarrierType type, CarrierLevel level, Guid hostOrganizationId, string hostName, string hostCreditCode, string coBuilder,
        string regionCode, int? recognitionYear, string batch, CarrierStatus status, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            throw new DomainException("请填写载体名称（不超过200字）", nameof(Name));
        }

        if (string.IsNullOrWhiteSpace(hostName))
        {
            throw new DomainException("请填写依托单位", nameof(HostName));
        }

        if (string.IsNullOrWhiteSpace(regionCode))
        {
            throw new DomainException("请选择所在县（市、区）或园区", nameof(RegionCode));
        }

        if (status == CarrierStatus.Recognised && recognitionYear is null)
        {
            throw new DomainException("已认定的载体须填写认定年度", nameof(RecognitionYear));
        }

        if (recognitionYear is < 1990 or > 2100)
        {
            throw new DomainException("认定年度不在有效范围内", nameof(RecognitionYear));
        }

        return new Carrier
        {
            Id = Guid.CreateVersion7(now), Name = name.Trim(), Type = type, Level = level, OrganizationId = hostOrganizationId, HostName = hostName.Trim(),
            HostCreditCode = (hostCreditCode ?? string.Empty).Trim().ToUpperInvariant(), CoBuilder = (coBuilder ?? string.Empty).Trim(), RegionCode = regionCode,
            RecognitionYear = recognitionYear, Batch = (batch ?? string.Empty).Trim(), Status = status, CreatedAt = now,
        };
    }

    /// <summary>What the host keeps up to date itself.</summary>
    public void UpdateProfile(string contactName, string contactPhone, string capabilities, IEnumerable<string> brokers)
    {
        if ((capabilities ?? string.Empty).Length > 2000)
        {
            throw new DomainException("服务能力介绍不超过2000字", nameof(Capabilities));
        }

        ContactName = (contactName ?? string.Empty).Trim();
        ContactPhone = (contactPhone ?? string.Empty).Trim();
        Capabilities = (capabilities ?? string.Empty).Trim();
        Brokers = brokers.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).Take(50).ToList();
    }

    public bool IsConsortium => Type == CarrierType.InnovationConsortium;

    public bool IsEnclave => Type is CarrierType.TalentEnclave or CarrierType.RdEnclave;

    /// <summary>Adds an organization on the portal to a 创新联合体, with its role; one 牵头单位 at most, each organization once.</summary>
    public void AddMember(Guid organizationId, string organizationName, ConsortiumRole role, string duty, DateTimeOffset now)
    {
        if (!IsConsortium)
        {
            throw new DomainException("只有创新联合体登记成员单位");
        }

        if (organizationId == Guid.Empty)
        {
            throw new DomainException("成员单位须为已在平台注册的单位", "creditCode");
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainException("请选择成员角色", "role");
        }

        if (Members.Any(m => m.OrganizationId == organizationId))
        {
            throw new DomainException("该单位已是联合体成员", "creditCode");
        }

        if (role == ConsortiumRole.Lead && Members.Any(m => m.Role == ConsortiumRole.Lead))
        {
            throw new DomainException("联合体只有一家牵头单位，请先移除原牵头单位", "role");
        }

        if ((duty ?? string.Empty).Trim().Length > 200)
        {
            throw new DomainException("承担任务说明不超过200字", "duty");
        }

        Members = [.. Members, new ConsortiumMember(organizationId, organizationName, role, (duty ?? string.Empty).Trim(), now)];
    }

    public void RemoveMember(Guid organizationId)
    {
        if (Members.All(m => m.OrganizationId != organizationId))
        {
            throw new DomainException("该单位不是联合体成员");
        }

        Members = Members.Where(m => m.OrganizationId != organizationId).ToList();
    }

    /// <summary>Records where a 飞地 is: a province and city outside Anqing, the address, and the organization or park hosting it.</summary>
    public void LocateEnclave(string province, string city, string address, string host)
    {
        if (!IsEnclave)
        {
            throw new DomainException("只有飞地登记所在地");
        }

        province = (province ?? string.Empty).Trim();
        city = (city ?? string.Empty).Trim();
        if (province.Length is 0 or > 50)
        {
            throw new DomainException("请填写飞地所在省（自治区、直辖市）", "province");
        }

        if (city.Length is 0 or > 50)
        {
            throw new DomainException("请填写飞地所在城市", "city");
        }

        if (city.Contains("安庆", StringComparison.Ordinal))
        {
            throw new DomainException("飞地位于安庆市以外，请填写所在城市", "city");
        }

        if (string.IsNullOrWhiteSpace(host) || host.Trim().Length > 200)
        {
            throw new DomainException("请填写飞地的承载单位或园区（不超过200字）", "host");
        }

        if ((address ?? string.Empty).Trim().Length > 200)
        {
            throw new DomainException("详细地址不超过200字", "address");
        }

        Enclave = new EnclaveLocation(province, city, (address ?? string.Empty).Trim(), host.Trim());
    }

    public void Recognise(CarrierLevel level, int year, string batch)
    {
        if (Status == CarrierStatus.Revoked)
        {
            throw new DomainException("已撤销的载体不能认定，请重新登记");
        }

        Level = level;
        RecognitionYear = year;
        Batch = (batch ?? string.Empty).Trim();
        Status = CarrierStatus.Recognised;
        StatusReason = null;
    }

    public void Revoke(string reason)
    {
        if (Status == CarrierStatus.Revoked)
        {
            throw new DomainException("该载体已撤销");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("撤销须说明理由", nameof(StatusReason));
        }

        Status = CarrierStatus.Revoked;
        StatusReason = reason.Trim();
    }
}

public enum RecognitionStatus
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// 认定申请: a host applies for a municipal recognition of its carrier, or the county or park nominates it for a
/// provincial one; the bureau decides with its reasons (optionally after an expert panel from the pool).
/// </summary>
public class RecognitionApplication
{
    private RecognitionApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public string CarrierName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public Guid OrganizationId { get; private set; }
    public CarrierLevel Level { get; private set; }
    public string Statement { get; private set; } = string.Empty;
    public RecognitionStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public Guid? PanelId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public uint Version { get; private set; }

    public static RecognitionApplication Apply(Carrier carrier, Guid applicantOrganizationId, bool applicantIsRegion, CarrierLevel level, string statement, DateTimeOffset now)
    {
        if (carrier.Status == CarrierStatus.Revoked)
        {
            throw new DomainException("已撤销的载体不能申请认定");
        }

        if (level == CarrierLevel.National)
        {
            throw new DomainException("国家级载体由国家部委认定，请登记认定结果");
        }

        if (level == CarrierLevel.Municipal && applicantIsRegion is false && applicantOrganizationId != carrier.OrganizationId)
        {
            throw new DomainException("市级认定由依托单位申请");
        }

        if (level == CarrierLevel.Provincial && !applicantIsRegion)
        {
            throw new DomainException("省级认定由所在县（市、区）、园区推荐");
        }

        if (string.IsNullOrWhiteSpace(statement))
        {
            throw new DomainException("请填写申请说明（建设情况、运行成效）", nameof(Statement));
        }

        return new RecognitionApplication
        {
            Id = Guid.CreateVersion7(now), CarrierId = carrier.Id, CarrierName = carrier.Name, RegionCode = carrier.RegionCode, OrganizationId = applicantOrganizationId,
            Level = level, Statement = statement.Trim(), Status = RecognitionStatus.Submitted, SubmittedAt = now,
        };
    }

    public void AssignPanel(Guid panelId)
    {
        if (Status != RecognitionStatus.Submitted)
        {
            throw new DomainException("该申请已有结论");
        }

        PanelId = panelId;
    }

    public void Decide(Carrier carrier, bool approve, string reason, int year, string batch)
    {
        if (Status != RecognitionStatus.Submitted)
        {
            throw new DomainException("该申请已有结论");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写认定意见", nameof(Reason));
        }

        Status = approve ? RecognitionStatus.Approved : RecognitionStatus.Rejected;
        Reason = reason.Trim();
        if (approve && Level == CarrierLevel.Municipal)
        {
            carrier.Recognise(Level, year, batch);
        }
    }
}

public enum Assessment
{
    Excellent = 1,
    Good = 2,
    Pass = 3,
    Fail = 4,
}

public sealed record IndicatorValue(string Name, decimal Value);

/// <summary>年度绩效报告: the host files its indicators for a year; the bureau assesses them.</summary>
public class PerformanceReport
{
    private PerformanceReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public List<IndicatorValue> Indicators { get; private set; } = [];
    public string Summary { get; private set; } = string.Empty;
    public Assessment? Assessment { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The indicators asked of each kind of carrier.</summary>
    public static IReadOnlyList<string> IndicatorsFor(CarrierType type) => type switch
    {
        CarrierType.PilotBaseGeneral or CarrierType.PilotBaseIndustry => ["中试验证次数", "服务企业数", "成果产业化项数", "服务收入（万元）"],
        CarrierType.Incubator or CarrierType.MakerSpace or CarrierType.Accelerator or CarrierType.UniversityPark =>
            ["在孵企业数", "当年毕业企业数", "新增高新技术企业数", "获得投融资（万元）"],
        CarrierType.TransferAgency or CarrierType.TransferCentre => ["促成技术合同数", "技术合同成交额（万元）", "服务企业数", "举办路演或对接活动次数", "技术经纪人数"],
        _ => ["研发投入（万元）", "承担科技项目数", "授权发明专利数", "成果转化项数", "服务企业数"],
    };

    public static PerformanceReport File(Carrier carrier, int year, IReadOnlyList<IndicatorValue> indicators, string summary, DateTimeOffset now)
    {
        var expected = IndicatorsFor(carrier.Type);
        var missing = expected.Where(name => indicators.All(i => i.Name != name)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("请填写：" + string.Join("、", missing), nameof(Indicators));
        }

        if (indicators.Any(i => i.Value < 0))
        {
            throw new DomainException("指标不能为负数", nameof(Indicators));
        }

        return new PerformanceReport
        {
            Id = Guid.CreateVersion7(now), CarrierId = carrier.Id, OrganizationId = carrier.OrganizationId, RegionCode = carrier.RegionCode, Year = year,
            Indicators = expected.Select(name => indicators.First(i => i.Name == name)).ToList(), Summary = (summary ?? string.Empty).Trim(), FiledAt = now,
        };
    }

    public void Assess(Assessment assessment, string comment)
    {
        if (Assessment is not null)
        {
            throw new DomainException("该报告已评价");
        }

        if (assessment == Carriers.Assessment.Fail && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("评为不合格须说明理由", nameof(Comment));
        }

        Assessment = assessment;
        Comment = comment?.Trim();
    }
}

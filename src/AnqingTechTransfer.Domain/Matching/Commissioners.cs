namespace AnqingTechTransfer.Domain.Matching;

/// <summary>The people the plan sends out to connect needs and results.</summary>
public enum CommissionerKind
{
    /// <summary>科技情报员: a county's or park's, attached to high-level R&D platforms.</summary>
    Intelligence = 1,
    /// <summary>双链融合专员: about 30 a year.</summary>
    DualChain = 2,
    /// <summary>科技特派员</summary>
    Special = 3,
    /// <summary>工业互联网服务专员: at least 10.</summary>
    IndustrialInternet = 4,
}

public enum ServiceKind
{
    /// <summary>走访企业</summary>
    Visit = 1,
    /// <summary>发现需求</summary>
    NeedFound = 2,
    /// <summary>牵线对接</summary>
    Introduction = 3,
    /// <summary>达成合作</summary>
    Outcome = 4,
}

public sealed record ServiceLog(Guid Id, DateOnly On, ServiceKind Kind, string EnterpriseName, string Text);

public sealed record Assignment(string EnterpriseName, string CreditCode, DateOnly Since);

/// <summary>
/// A commissioner registered by the bureau, a county or a park for a year: whom they serve, the enterprises assigned to
/// them, and their service log.
/// </summary>
public class Commissioner : IOrganizationOwned
{
    private Commissioner()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public CommissionerKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Employer { get; private set; } = string.Empty;
    public string Serves { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public List<Assignment> Assignments { get; private set; } = [];
    public List<ServiceLog> Logs { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The plan's yearly numbers: about 30 双链融合专员 and at least 10 工业互联网服务专员.</summary>
    public static int? YearTarget(CommissionerKind kind) => kind switch
    {
        CommissionerKind.DualChain => 30,
        CommissionerKind.IndustrialInternet => 10,
        _ => null,
    };

    public static Commissioner Register(Guid organizationId, string regionCode, CommissionerKind kind, string name, string employer, string serves, int year,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            throw new DomainException("请填写姓名", nameof(Name));
        }

        if (string.IsNullOrWhiteSpace(employer))
        {
            throw new DomainException("请填写所在单位", nameof(Employer));
        }

        if (string.IsNullOrWhiteSpace(serves))
        {
            throw new DomainException("请填写服务的县区、园区或研发平台", nameof(Serves));
        }

        if (year is < 2021 or > 2035)
        {
            throw new DomainException("年度应在2021至2035之间", nameof(Year));
        }

        return new Commissioner
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, RegionCode = regionCode, Kind = kind, Name = name.Trim(), Employer = employer.Trim(),
            Serves = serves.Trim(), Year = year, CreatedAt = now,
        };
    }

    public void Assign(string enterpriseName, string creditCode, DateOnly since)
    {
        if (string.IsNullOrWhiteSpace(enterpriseName))
        {
            throw new DomainException("请填写企业名称", "EnterpriseName");
        }

        if (Assignments.Any(a => a.EnterpriseName == enterpriseName.Trim()))
        {
            throw new DomainException("该企业已由本专员服务", "EnterpriseName");
        }

        Assignments.Add(new Assignment(enterpriseName.Trim(), (creditCode ?? string.Empty).Trim().ToUpperInvariant(), since));
    }

    public ServiceLog Log(DateOnly on, ServiceKind kind, string enterpriseName, string text, DateOnly today, DateTimeOffset now)
    {
        if (on > today)
        {
            throw new DomainException("服务日期不能晚于今天", "On");
        }

        if (string.IsNullOrWhiteSpace(enterpriseName) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("请填写服务的企业和服务内容", "Text");
        }

        var log = new ServiceLog(Guid.CreateVersion7(now), on, kind, enterpriseName.Trim(), text.Trim());
        Logs.Add(log);
        return log;
    }
}

public sealed record EventOutcome(string Text, decimal? Amount);

/// <summary>对接活动: organised by the bureau, a county or a park, with the needs and results taking part and what came of it.</summary>
public class DockingEvent
{
    private DockingEvent()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizerName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public DateOnly HeldOn { get; private set; }
    public string Place { get; private set; } = string.Empty;
    public List<Guid> NeedIds { get; private set; } = [];
    public List<Guid> ResultIds { get; private set; } = [];
    public List<EventOutcome> Outcomes { get; private set; } = [];
    public uint Version { get; private set; }

    public static DockingEvent Plan(Guid organizationId, string organizerName, string regionCode, string title, DateOnly heldOn, string place, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("请填写活动名称", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new DomainException("请填写活动地点", nameof(Place));
        }

        return new DockingEvent
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, OrganizerName = organizerName, RegionCode = regionCode, Title = title.Trim(), HeldOn = heldOn,
            Place = place.Trim(),
        };
    }

    public void Include(IEnumerable<MarketListing> listings)
    {
        foreach (var listing in listings)
        {
            if (!listing.IsPublic)
            {
                throw new DomainException($"“{listing.Title}”尚未发布，不能参加对接活动");
            }

            var list = listing is TechNeed ? NeedIds : ResultIds;
            if (!list.Contains(listing.Id))
            {
                list.Add(listing.Id);
            }
        }
    }

    public void RecordOutcome(string text, decimal? amount, DateOnly today)
    {
        if (today < HeldOn)
        {
            throw new DomainException("活动举办后才能登记成效");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("请填写活动成效", "text");
        }

        if (amount < 0)
        {
            throw new DomainException("意向金额不能为负数", "amount");
        }

        Outcomes.Add(new EventOutcome(text.Trim(), amount));
    }
}

public static class CommissionerNames
{
    public static string Name(CommissionerKind kind) => kind switch
    {
        CommissionerKind.Intelligence => "科技情报员",
        CommissionerKind.DualChain => "双链融合专员",
        CommissionerKind.Special => "科技特派员",
        CommissionerKind.IndustrialInternet => "工业互联网服务专员",
        _ => kind.ToString(),
    };

    public static string Name(ServiceKind kind) => kind switch
    {
        ServiceKind.Visit => "走访企业",
        ServiceKind.NeedFound => "发现需求",
        ServiceKind.Introduction => "牵线对接",
        ServiceKind.Outcome => "达成合作",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The bureau's split of a yearly city number (双链融合专员 30, 工业互联网服务专员 10) over 市本级, the ten counties and
/// districts and the two parks: one row per region, adding up to the city's number. A region's commissioners stand against
/// its own row, never against the city's number.
/// </summary>
public class CommissionerTarget
{
    private CommissionerTarget()
    {
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public CommissionerKind Kind { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public int Target { get; private set; }
    public Guid SetBy { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    /// <summary>The kinds the plan gives a yearly number, so the kinds that are split.</summary>
    public static IReadOnlyList<CommissionerKind> SplitKinds { get; } =
        Enum.GetValues<CommissionerKind>().Where(k => Commissioner.YearTarget(k) is not null).ToList();

    /// <summary>
    /// The split of one kind for a year, checked: every region of Anqing once, no negative number, and the sum equal to the
    /// city's number. The message names the kind, the city's number and the sum, for the column of the form.
    /// </summary>
    public static IReadOnlyList<CommissionerTarget> Split(int year, CommissionerKind kind, IReadOnlyDictionary<string, int> byRegion, Guid setBy,
        DateTimeOffset now)
    {
        var city = Commissioner.YearTarget(kind) ?? throw new DomainException("该类别没有年度目标，无需分解", "Kind");
        if (year is < 2021 or > 2035)
        {
            throw new DomainException("年度应在2021至2035之间", "Year");
        }

        var codes = Regions.AnqingRegions.All.Select(r => r.Code).ToHashSet();
        if (byRegion.Keys.Any(k => !codes.Contains(k)) || codes.Any(c => !byRegion.ContainsKey(c)))
        {
            throw new DomainException("请为市本级和每个县区、园区填写分解数（可为0）", kind.ToString());
        }

        if (byRegion.Values.Any(v => v is < 0 or > 1000))
        {
            throw new DomainException("分解数应为0至1000之间的整数", kind.ToString());
        }

        var sum = byRegion.Values.Sum();
        if (sum != city)
        {
            throw new DomainException($"各地分解之和应等于全市年度目标{city}名，目前为{sum}名", kind.ToString());
        }

        return byRegion.Select(r => new CommissionerTarget
        {
            Id = Guid.CreateVersion7(now), Year = year, Kind = kind, RegionCode = r.Key, Target = r.Value, SetBy = setBy, SetAt = now,
        }).ToList();
    }
}

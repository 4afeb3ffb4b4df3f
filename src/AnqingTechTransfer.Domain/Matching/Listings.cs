namespace AnqingTechTransfer.Domain.Matching;

/// <summary>合作方式: how the two sides may work together; a need and a result are compatible when they share one.</summary>
[Flags]
public enum CooperationModes
{
    None = 0,
    /// <summary>委托开发</summary>
    Commissioned = 1,
    /// <summary>合作开发</summary>
    Cooperation = 2,
    /// <summary>技术转让</summary>
    Transfer = 4,
    /// <summary>许可使用</summary>
    Licence = 8,
    /// <summary>作价入股</summary>
    Equity = 16,
}

public enum ListingStatus
{
    /// <summary>待审核: submitted to the county, park or bureau.</summary>
    Pending = 1,
    Published = 2,
    /// <summary>退回: the reviewer's reason is shown; the owner edits and submits again.</summary>
    Rejected = 3,
    /// <summary>撤回 by the owner.</summary>
    Withdrawn = 4,
    /// <summary>已关闭 by the owner (solved or no longer wanted).</summary>
    Closed = 5,
    /// <summary>已解决: a need whose accepted docking led to a registered technology contract (issue 24 §8); public, like a published one.</summary>
    Solved = 6,
}

public enum IpKind
{
    InventionPatent = 1,
    UtilityModel = 2,
    Software = 3,
    TradeSecret = 4,
    Other = 9,
}

/// <summary>A contact person; the public sees it masked, the matched party in full once a docking request is accepted.</summary>
public sealed record Contact(string Name, string Phone)
{
    public string MaskedName => Name.Length == 0 ? string.Empty : Name[..1] + new string('*', Math.Max(1, Name.Length - 1));

    public string MaskedPhone => Phone.Length >= 7 ? Phone[..3] + new string('*', Phone.Length - 7) + Phone[^4..] : new string('*', Phone.Length);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new DomainException("请填写联系人", "ContactName");
        }

        if (Phone.Length is < 7 or > 20 || !Phone.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            throw new DomainException("请填写正确的联系电话（7至20位数字，可含“-”）", "ContactPhone");
        }
    }
}

/// <summary>
/// What the technology market lists: an enterprise's need or an institution's result. It is reviewed by the owner's county
/// or park (or the bureau) before it is published; the owner can withdraw or close it, and edit it while it is not public.
/// </summary>
public abstract class MarketListing : IOrganizationOwned
{
    public const int MaxKeywords = 8;

    public Guid Id { get; protected set; }
    public Guid OrganizationId { get; protected set; }
    public string OrganizationName { get; protected set; } = string.Empty;
    public string RegionCode { get; protected set; } = string.Empty;
    public string Title { get; protected set; } = string.Empty;
    public string Summary { get; protected set; } = string.Empty;
    public string FieldCode { get; protected set; } = string.Empty;
    public List<string> Keywords { get; protected set; } = [];
    public CooperationModes Modes { get; protected set; }
    public Contact Contact { get; protected set; } = new(string.Empty, string.Empty);
    public ListingStatus Status { get; protected set; }
    public string? ReviewRemark { get; protected set; }
    public DateTimeOffset CreatedAt { get; protected set; }
    public DateTimeOffset? PublishedAt { get; protected set; }
    public uint Version { get; protected set; }

    public bool IsPublic => Status == ListingStatus.Published;

    /// <summary>Keywords as entered: separated by commas, 、 or spaces; trimmed, distinct, at most eight of at most 12 characters.</summary>
    public static List<string> ParseKeywords(string? text)
    {
        var words = (text ?? string.Empty).Split([',', '，', '、', ';', '；', ' ', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            throw new DomainException("请至少填写一个关键词", nameof(Keywords));
        }

        if (words.Count > MaxKeywords || words.Any(w => w.Length > 12))
        {
            throw new DomainException($"关键词至多 {MaxKeywords} 个，每个不超过12个字", nameof(Keywords));
        }

        return words;
    }

    protected void SetCommon(string title, string summary, string fieldCode, IReadOnlyList<string> keywords, CooperationModes modes, Contact contact)
    {
        if (Status is ListingStatus.Published or ListingStatus.Closed or ListingStatus.Solved)
        {
            throw new DomainException(Status switch
            {
                ListingStatus.Published => "已发布的信息不能修改，请先撤回",
                ListingStatus.Solved => "已解决的需求不能修改",
                _ => "已关闭的信息不能修改",
            });
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 100)
        {
            throw new DomainException("请填写标题（不超过100字）", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > 2000)
        {
            throw new DomainException("请填写内容简介（不超过2000字）", nameof(Summary));
        }

        if (string.IsNullOrWhiteSpace(fieldCode))
        {
            throw new DomainException("请选择技术领域", nameof(FieldCode));
        }

        if (modes == CooperationModes.None)
        {
            throw new DomainException("请至少选择一种合作方式", nameof(Modes));
        }

        contact.Validate();
        Title = title.Trim();
        Summary = summary.Trim();
        FieldCode = fieldCode;
        Keywords = keywords.ToList();
        Modes = modes;
        Contact = contact with { Name = contact.Name.Trim(), Phone = contact.Phone.Trim() };
        // An edit after a return goes back to review.
        Status = ListingStatus.Pending;
        ReviewRemark = null;
    }

    public void Review(bool publish, string? remark, DateTimeOffset now)
    {
        if (Status != ListingStatus.Pending)
        {
            throw new DomainException("只能审核待审核的信息");
        }

        if (!publish && string.IsNullOrWhiteSpace(remark))
        {
            throw new DomainException("退回须说明理由", nameof(ReviewRemark));
        }

        Status = publish ? ListingStatus.Published : ListingStatus.Rejected;
        ReviewRemark = remark?.Trim();
        PublishedAt = publish ? now : PublishedAt;
    }

    public void Withdraw()
    {
        if (Status is not (ListingStatus.Pending or ListingStatus.Published))
        {
            throw new DomainException("只能撤回待审核或已发布的信息");
        }

        Status = ListingStatus.Withdrawn;
    }

    public void Close()
    {
        if (Status is ListingStatus.Closed or ListingStatus.Solved)
        {
            throw new DomainException(Status == ListingStatus.Solved ? "该需求已解决" : "该信息已关闭");
        }

        Status = ListingStatus.Closed;
    }

    /// <summary>A withdrawn or returned listing goes back to review unchanged.</summary>
    public void Resubmit()
    {
        if (Status is not (ListingStatus.Withdrawn or ListingStatus.Rejected))
        {
            throw new DomainException("只能重新提交已撤回或被退回的信息");
        }

        Status = ListingStatus.Pending;
        ReviewRemark = null;
    }
}

/// <summary>技术需求: an enterprise's problem with its budget range (万元; no upper bound means open) and deadline.</summary>
public class TechNeed : MarketListing
{
    private TechNeed()
    {
    }

    public string Targets { get; private set; } = string.Empty;
    public decimal? BudgetMin { get; private set; }
    public decimal? BudgetMax { get; private set; }
    public DateOnly Deadline { get; private set; }

    public static TechNeed Post(Guid organizationId, string organizationName, string regionCode, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), OrganizationId = organizationId, OrganizationName = organizationName, RegionCode = regionCode, CreatedAt = now };

    /// <summary>When the need was solved: its docking's contract was registered.</summary>
    public DateTimeOffset? SolvedAt { get; private set; }

    /// <summary>
    /// 已解决 (issue 24 §8): an accepted docking about this need led to a technology contract that is now registered. A need
    /// already solved stays so; one the owner withdrew, closed or is editing meanwhile is solved all the same (the registered
    /// contract says so, and a solved need is no longer edited or reviewed).
    /// </summary>
    public void MarkSolved(DateTimeOffset now)
    {
        if (Status == ListingStatus.Solved)
        {
            return;
        }

        Status = ListingStatus.Solved;
        SolvedAt = now;
    }

    public void Edit(string title, string summary, string fieldCode, IReadOnlyList<string> keywords, CooperationModes modes, Contact contact, string targets,
        decimal? budgetMin, decimal? budgetMax, DateOnly deadline, DateOnly today)
    {
        if (budgetMin < 0 || budgetMax < 0 || (budgetMin is not null && budgetMax is not null && budgetMin > budgetMax))
        {
            throw new DomainException("预算下限不能高于上限", nameof(BudgetMax));
        }

        if (deadline <= today)
        {
            throw new DomainException("截止日期应晚于今天", nameof(Deadline));
        }

        SetCommon(title, summary, fieldCode, keywords, modes, contact);
        Targets = (targets ?? string.Empty).Trim();
        BudgetMin = budgetMin;
        BudgetMax = budgetMax;
        Deadline = deadline;
    }
}

/// <summary>科技成果: a university's or institute's result for transfer, with its maturity (TRL 1–9), IP and reference price (万元; none means negotiable).</summary>
public class TechResult : MarketListing
{
    private TechResult()
    {
    }

    public int Maturity { get; private set; }
    public IpKind IpKind { get; private set; }
    public string IpNumber { get; private set; } = string.Empty;
    public string IpOwner { get; private set; } = string.Empty;
    public decimal? Price { get; private set; }
    public string Team { get; private set; } = string.Empty;

    public static TechResult Post(Guid organizationId, string organizationName, string regionCode, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), OrganizationId = organizationId, OrganizationName = organizationName, RegionCode = regionCode, CreatedAt = now };

    public void Edit(string title, string summary, string fieldCode, IReadOnlyList<string> keywords, CooperationModes modes, Contact contact, int maturity,
        IpKind ipKind, string ipNumber, string ipOwner, decimal? price, string team)
    {
        if (maturity is < 1 or > 9)
        {
            throw new DomainException("技术成熟度应为1至9级", nameof(Maturity));
        }

        if (price < 0)
        {
            throw new DomainException("参考价格不能为负数，面议请留空", nameof(Price));
        }

        if ((ipKind is IpKind.InventionPatent or IpKind.UtilityModel or IpKind.Software) && string.IsNullOrWhiteSpace(ipNumber))
        {
            throw new DomainException("专利或软件著作权须填写编号", nameof(IpNumber));
        }

        SetCommon(title, summary, fieldCode, keywords, modes, contact);
        Maturity = maturity;
        IpKind = ipKind;
        IpNumber = (ipNumber ?? string.Empty).Trim();
        IpOwner = (ipOwner ?? string.Empty).Trim();
        Price = price;
        Team = (team ?? string.Empty).Trim();
    }
}

namespace AnqingTechTransfer.Domain.FirstProducts;

/// <summary>三首: 首台套重大技术装备, 首批次新材料, 首版次软件.</summary>
public enum FirstKind
{
    Equipment = 1,
    Material = 2,
    Software = 3,
}

/// <summary>研制需求清单 entry: what the economy and IT bureau asks enterprises to develop; public once published.</summary>
public class DemandEntry
{
    private DemandEntry()
    {
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public FirstKind Kind { get; private set; }
    public string Field { get; private set; } = string.Empty;
    public string Product { get; private set; } = string.Empty;
    public string Targets { get; private set; } = string.Empty;
    public string DemandSide { get; private set; } = string.Empty;
    public string Scenario { get; private set; } = string.Empty;
    public string ChainLink { get; private set; } = string.Empty;
    public bool IsPublished { get; private set; }
    /// <summary>适时调整: the last revision of a published entry (the list says 已调整).</summary>
    public DateTimeOffset? RevisedAt { get; private set; }
    /// <summary>调出清单: no longer asked for; kept on the list with its reason, and not carried into the next year.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }
    public string? RetiredReason { get; private set; }
    public uint Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public static DemandEntry Add(int year, FirstKind kind, string field, string product, string targets, string demandSide, string scenario, string chainLink, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(product) || string.IsNullOrWhiteSpace(targets))
        {
            throw new DomainException("请填写产品名称和关键技术指标", nameof(Product));
        }

        if (year is < 2021 or > 2035)
        {
            throw new DomainException("年度应在2021至2035之间", nameof(Year));
        }

        return new DemandEntry
        {
            Id = Guid.CreateVersion7(now), Year = year, Kind = kind, Field = (field ?? string.Empty).Trim(), Product = product.Trim(), Targets = targets.Trim(),
            DemandSide = (demandSide ?? string.Empty).Trim(), Scenario = (scenario ?? string.Empty).Trim(), ChainLink = (chainLink ?? string.Empty).Trim(),
        };
    }

    public void Publish() => IsPublished = true;

    /// <summary>适时调整: the entry's content changes (a published one says so); a retired entry is no longer revised.</summary>
    public void Revise(string field, string product, string targets, string demandSide, string scenario, string chainLink, DateTimeOffset now)
    {
        if (IsRetired)
        {
            throw new DomainException("该需求已调出清单，不能再调整");
        }

        if (string.IsNullOrWhiteSpace(product) || string.IsNullOrWhiteSpace(targets))
        {
            throw new DomainException("请填写产品名称和关键技术指标", nameof(Product));
        }

        (Field, Product, Targets) = ((field ?? string.Empty).Trim(), product.Trim(), targets.Trim());
        (DemandSide, Scenario, ChainLink) = ((demandSide ?? string.Empty).Trim(), (scenario ?? string.Empty).Trim(), (chainLink ?? string.Empty).Trim());
        RevisedAt = IsPublished ? now : null;
    }

    /// <summary>调出清单 with the reason (met, no longer needed, merged): it stays on the list, marked, and is not carried over.</summary>
    public void Retire(string reason, DateTimeOffset now)
    {
        if (IsRetired)
        {
            throw new DomainException("该需求已调出清单");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请说明调出清单的理由", nameof(RetiredReason));
        }

        RetiredAt = now;
        RetiredReason = reason.Trim();
    }

    /// <summary>
    /// 年度修订: the next year's draft list starts from this year's entries still asked for (not retired), skipping a product the
    /// next year already lists; the new entries are drafts until the department publishes them.
    /// </summary>
    public static IReadOnlyList<DemandEntry> Revision(IEnumerable<DemandEntry> year, IEnumerable<DemandEntry> nextYear, int toYear, DateTimeOffset now)
    {
        var listed = nextYear.Select(d => (d.Kind, d.Product)).ToHashSet();
        return year.Where(d => !d.IsRetired && !listed.Contains((d.Kind, d.Product)))
            .Select(d => Add(toYear, d.Kind, d.Field, d.Product, d.Targets, d.DemandSide, d.Scenario, d.ChainLink, now)).ToList();
    }
}

public enum RecognitionState
{
    /// <summary>待县区、园区初审</summary>
    Submitted = 1,
    /// <summary>县区、园区已推荐，待市经信局评定</summary>
    Screened = 2,
    Returned = 3,
    Recognised = 4,
    Rejected = 5,
}

/// <summary>
/// 三首产品认定申请: the enterprise's product with its first use and evidence; screened by its county or park, decided by
/// the economy and IT bureau with reasons. A recognised product goes into a year's promotion catalog.
/// </summary>
public class FirstProductApplication
{
    private FirstProductApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string EnterpriseName { get; private set; } = string.Empty;
    public string CreditCode { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public FirstKind Kind { get; private set; }
    public string ProductName { get; private set; } = string.Empty;
    public string Model { get; private set; } = string.Empty;
    public string Indicators { get; private set; } = string.Empty;
    public DateOnly FirstUseOn { get; private set; }
    public string FirstCustomer { get; private set; } = string.Empty;
    public string NoveltyReport { get; private set; } = string.Empty;
    public string Patents { get; private set; } = string.Empty;
    public string TestReports { get; private set; } = string.Empty;

    /// <summary>The entry of the 研制需求清单 the product answers (对标研制); none when it answers no entry.</summary>
    public Guid? DemandEntryId { get; private set; }

    public RecognitionState State { get; private set; }
    public string? Reason { get; private set; }
    public int? RecognisedYear { get; private set; }
    public int? CatalogYear { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The key that makes two applications "the same product" (no repeat applications).</summary>
    public static string ProductKey(string creditCode, FirstKind kind, string productName, string model) =>
        $"{creditCode.Trim().ToUpperInvariant()}|{(int)kind}|{productName.Trim()}|{model.Trim()}";

    public string Key => ProductKey(CreditCode, Kind, ProductName, Model);

    public static FirstProductApplication Submit(Guid organizationId, string enterpriseName, string creditCode, string regionCode, FirstKind kind, string productName,
        string model, string indicators, DateOnly firstUseOn, string firstCustomer, string noveltyReport, string patents, string testReports, DateOnly today,
        DateTimeOffset now, DemandEntry? answers = null)
    {
        if (answers is not null && (!answers.IsPublished || answers.RetiredAt is not null || answers.Kind != kind))
        {
            throw new DomainException(answers.Kind != kind ? "所选需求清单条目与申请的类别不一致" : "所选需求清单条目未发布或已调出，请重新选择", nameof(DemandEntryId));
        }

        if (string.IsNullOrWhiteSpace(productName) || string.IsNullOrWhiteSpace(indicators))
        {
            throw new DomainException("请填写产品名称和主要技术指标", nameof(ProductName));
        }

        if (firstUseOn > today)
        {
            throw new DomainException("首次应用日期不能晚于今天（以合同交付或验收日期为准）", nameof(FirstUseOn));
        }

        if (string.IsNullOrWhiteSpace(firstCustomer))
        {
            throw new DomainException("请填写首购用户", nameof(FirstCustomer));
        }

        if (string.IsNullOrWhiteSpace(noveltyReport))
        {
            throw new DomainException("请填写查新报告编号（一年内出具）", nameof(NoveltyReport));
        }

        return new FirstProductApplication
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, EnterpriseName = enterpriseName, CreditCode = creditCode, RegionCode = regionCode, Kind = kind,
            ProductName = productName.Trim(), Model = (model ?? string.Empty).Trim(), Indicators = indicators.Trim(), FirstUseOn = firstUseOn,
            FirstCustomer = firstCustomer.Trim(), NoveltyReport = noveltyReport.Trim(), Patents = (patents ?? string.Empty).Trim(),
            TestReports = (testReports ?? string.Empty).Trim(), DemandEntryId = answers?.Id, State = RecognitionState.Submitted, SubmittedAt = now,
        };
    }

    public void Screen(bool recommend, string? reason)
    {
        Require(State == RecognitionState.Submitted, "只能初审待初审的申请");
        Require(recommend || !string.IsNullOrWhiteSpace(reason), "退回须说明理由");
        State = recommend ? RecognitionState.Screened : RecognitionState.Returned;
        Reason = reason?.Trim();
    }

    public void Decide(bool recognise, string reason, int year)
    {
        Require(State == RecognitionState.Screened, "县区、园区推荐后才能评定");
        Require(!string.IsNullOrWhiteSpace(reason), "请填写评定意见");
        State = recognise ? RecognitionState.Recognised : RecognitionState.Rejected;
        Reason = reason.Trim();
        RecognisedYear = recognise ? year : null;
    }

    /// <summary>A recognised product not yet in a catalog goes into the year's promotion catalog.</summary>
    public void IncludeInCatalog(int year)
    {
        Require(State == RecognitionState.Recognised, "只有已认定的产品可以列入推广应用目录");
        Require(CatalogYear is null, "该产品已列入推广应用目录");
        CatalogYear = year;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

public enum PurchaseKind
{
    /// <summary>首购</summary>
    FirstPurchase = 1,
    /// <summary>订购</summary>
    Order = 2,
}

/// <summary>A purchase of a catalog product by a purchasing unit.</summary>
public sealed record Purchase(Guid Id, Guid ApplicationId, string ProductName, Guid PurchaserOrganizationId, string PurchaserName, PurchaseKind Kind, decimal Amount, DateOnly On);

public static class FirstProductNames
{
    public static string Name(FirstKind kind) => kind switch
    {
        FirstKind.Equipment => "首台套重大技术装备",
        FirstKind.Material => "首批次新材料",
        _ => "首版次软件",
    };

    public static string Name(RecognitionState state) => state switch
    {
        RecognitionState.Submitted => "待初审",
        RecognitionState.Screened => "待评定",
        RecognitionState.Returned => "已退回",
        RecognitionState.Recognised => "已认定",
        _ => "不予认定",
    };
}

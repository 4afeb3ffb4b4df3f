namespace AnqingTechTransfer.Domain.Enterprises;

/// <summary>Entered by the enterprise (confirmed later by its county, park or the bureau) or imported from provincial lists.</summary>
public enum QualificationSource
{
    Entered = 1,
    Imported = 2,
}

public enum Confirmation
{
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>
/// A qualification held by an enterprise, keyed by its credit code: the enterprise need not be on the portal. Its county
/// or park (RegionCode) is where it counts. Only confirmed records count toward the indicators.
/// </summary>
public abstract class QualificationRecord
{
    public Guid Id { get; protected set; }
    public string CreditCode { get; protected set; } = string.Empty;
    public string EnterpriseName { get; protected set; } = string.Empty;
    public string RegionCode { get; protected set; } = string.Empty;
    /// <summary>The enterprise's organization when it is on the portal.</summary>
    public Guid? OrganizationId { get; protected set; }
    public QualificationSource Source { get; protected set; }
    public Confirmation Confirmation { get; protected set; }
    public string? Warning { get; protected set; }
    public DateTimeOffset CreatedAt { get; protected set; }
    public uint Version { get; protected set; }

    protected void Init(string creditCode, string name, string regionCode, Guid? organizationId, QualificationSource source, DateTimeOffset now)
    {
        if (Organizations.CreditCode.Check(creditCode) == Organizations.CreditCodeVerdict.InvalidFormat)
        {
            throw new DomainException(Organizations.CreditCode.Message(Organizations.CreditCodeVerdict.InvalidFormat), nameof(CreditCode));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写企业名称", nameof(EnterpriseName));
        }

        Id = Guid.CreateVersion7(now);
        CreditCode = Organizations.CreditCode.Normalize(creditCode);
        EnterpriseName = name.Trim();
        RegionCode = regionCode;
        OrganizationId = organizationId;
        Source = source;
        // Provincial lists are already official; what an enterprise enters waits for its county, park or the bureau.
        Confirmation = source == QualificationSource.Imported ? Confirmation.Confirmed : Confirmation.Pending;
        CreatedAt = now;
    }

    /// <summary>
    /// A record imported before its enterprise registered is linked to the organization once it is approved, by its credit
    /// code: then the enterprise (and its loan eligibility) finds it. A record already linked stays with its organization.
    /// </summary>
    public bool LinkTo(Guid organizationId, string organizationCreditCode)
    {
        if (OrganizationId is not null || !string.Equals(CreditCode, Organizations.CreditCode.Normalize(organizationCreditCode), StringComparison.Ordinal))
        {
            return false;
        }

        OrganizationId = organizationId;
        return true;
    }

    public void Confirm()
    {
        if (Confirmation != Confirmation.Pending)
        {
            throw new DomainException("只能确认待确认的记录");
        }

        Confirmation = Confirmation.Confirmed;
    }

    public void Reject()
    {
        if (Confirmation != Confirmation.Pending)
        {
            throw new DomainException("只能退回待确认的记录");
        }

        Confirmation = Confirmation.Rejected;
    }
}

public class HighTechRecord : QualificationRecord
{
    private HighTechRecord()
    {
    }

    public string Number { get; private set; } = string.Empty;
    public DateOnly IssuedOn { get; private set; }
    /// <summary>Stored so that "valid on 31 December" is an indexable range condition.</summary>
    public DateOnly ValidUntil { get; private set; }
    public HighTechMode Mode { get; private set; }
    public string FieldCode { get; private set; } = string.Empty;

    public static HighTechRecord Create(string creditCode, string name, string regionCode, Guid? organizationId, string number, DateOnly issuedOn,
        HighTechMode mode, string fieldCode, QualificationSource source, DateTimeOffset now)
    {
        var record = new HighTechRecord();
        record.Init(creditCode, name, regionCode, organizationId, source, now);
        var certificate = new HighTechCertificate(record.CreditCode, number.Trim().ToUpperInvariant(), issuedOn, mode, fieldCode);
        record.Number = certificate.Number;
        record.IssuedOn = issuedOn;
        record.ValidUntil = certificate.ValidUntil;
        record.Mode = mode;
        record.FieldCode = fieldCode;
        record.Warning = QualificationFormats.HighTechWarning(certificate.Number, issuedOn);
        return record;
    }

    public HighTechCertificate Certificate => new(CreditCode, Number, IssuedOn, Mode, FieldCode);
}

public class TechSmeRecord : QualificationRecord
{
    private TechSmeRecord()
    {
    }

    public int Year { get; private set; }
    public string Number { get; private set; } = string.Empty;

    public static TechSmeRecord Create(string creditCode, string name, string regionCode, Guid? organizationId, int year, string number,
        QualificationSource source, DateTimeOffset now)
    {
        if (year is < 2017 or > 2100)
        {
            throw new DomainException("评价年度不在有效范围内", nameof(Year));
        }

        var record = new TechSmeRecord();
        record.Init(creditCode, name, regionCode, organizationId, source, now);
        record.Year = year;
        record.Number = number.Trim().ToUpperInvariant();
        record.Warning = QualificationFormats.TechSmeWarning(record.Number, year);
        return record;
    }

    public TechSmeRegistration Registration => new(CreditCode, Year, Number);
}

/// <summary>专精特新 status (provincial 专精特新 or national 专精特新“小巨人”), by year of recognition.</summary>
public class SpecializedRecord : QualificationRecord
{
    private SpecializedRecord()
    {
    }

    public SpecializedLevel Level { get; private set; }
    public int Year { get; private set; }

    public static SpecializedRecord Create(string creditCode, string name, string regionCode, Guid? organizationId, SpecializedLevel level, int year,
        QualificationSource source, DateTimeOffset now)
    {
        if (year is < 2011 or > 2100)
        {
            throw new DomainException("认定年度不在有效范围内", nameof(Year));
        }

        if (!Enum.IsDefined(level))
        {
            throw new DomainException("请选择级别", nameof(Level));
        }

        var record = new SpecializedRecord();
        record.Init(creditCode, name, regionCode, organizationId, source, now);
        record.Level = level;
        record.Year = year;
        return record;
    }
}

namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>A technology-contract registration point (登记点). Closing one keeps its contracts and history.</summary>
public class RegistrationPoint
{
    private RegistrationPoint()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    /// <summary>Two digits; part of every registration number issued here.</summary>
    public string Code { get; private set; } = string.Empty;
    /// <summary>The county or park (portal region code) the point serves.</summary>
    public string RegionCode { get; private set; } = string.Empty;
    public string? Address { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsClosed { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The 6-digit region code in registration numbers: the park's internal code is not a GB/T 2260 code, so parks use the city's.</summary>
    public string NumberRegionCode => RegionCode.Length == 6 && RegionCode.All(char.IsAsciiDigit) ? RegionCode : Regions.AnqingRegions.City;

    public static RegistrationPoint Create(string name, string code, string regionCode, string? address, string? contactName, string? contactPhone, DateTimeOffset now)
    {
        var point = new RegistrationPoint { Id = Guid.CreateVersion7(now), CreatedAt = now };
        point.Update(name, code, regionCode, address, contactName, contactPhone);
        return point;
    }

    public void Update(string name, string code, string regionCode, string? address, string? contactName, string? contactPhone)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写登记点名称", nameof(Name));
        }

        if (code is not { Length: 2 } || !code.All(char.IsAsciiDigit))
        {
            throw new DomainException("登记点代码应为2位数字", nameof(Code));
        }

        if (!Regions.AnqingRegions.All.Any(r => r.Code == regionCode))
        {
            throw new DomainException("请选择登记点所在的县（市、区）或园区", nameof(RegionCode));
        }

        Name = name.Trim();
        Code = code;
        RegionCode = regionCode;
        Address = address?.Trim();
        ContactName = contactName?.Trim();
        ContactPhone = contactPhone?.Trim();
    }

    public void Close(string reason, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new DomainException("该登记点已关闭");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写关闭理由", "Reason");
        }

        IsClosed = true;
        ClosedAt = now;
        ClosedReason = reason.Trim();
    }

    public void Reopen()
    {
        IsClosed = false;
        ClosedAt = null;
        ClosedReason = null;
    }
}

/// <summary>A registrar assigned to a point: they see and decide the contracts filed there.</summary>
public class RegistrationPointRegistrar
{
    private RegistrationPointRegistrar()
    {
    }

    public RegistrationPointRegistrar(Guid pointId, Guid userId, DateTimeOffset now)
    {
        PointId = pointId;
        UserId = userId;
        AssignedAt = now;
    }

    public Guid PointId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
}

/// <summary>The last serial issued per point and year; incremented under a row lock, so numbers are gap-free.</summary>
public class RegistrationSerial
{
    public Guid PointId { get; set; }
    public int Year { get; set; }
    public int LastSerial { get; set; }
}

/// <summary>A day of the working calendar that differs from the weekday rule; the bureau maintains the table.</summary>
public class CalendarDay
{
    private CalendarDay()
    {
    }

    public CalendarDay(DateOnly date, bool isWorkingDay, string name)
    {
        Date = date;
        IsWorkingDay = isWorkingDay;
        Name = name;
    }

    public DateOnly Date { get; private set; }
    public bool IsWorkingDay { get; private set; }
    public string Name { get; private set; } = string.Empty;
}

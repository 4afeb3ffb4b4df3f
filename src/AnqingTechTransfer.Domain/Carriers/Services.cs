namespace AnqingTechTransfer.Domain.Carriers;

/// <summary>A service a pilot base offers (equipment, scale, price range), public once published.</summary>
public class PilotService
{
    private PilotService()
    {
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public string CarrierName { get; private set; } = string.Empty;
    public Guid OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Equipment { get; private set; } = string.Empty;
    public string Scale { get; private set; } = string.Empty;
    public string PriceRange { get; private set; } = string.Empty;
    public bool IsPublished { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static PilotService Publish(Carrier carrier, string title, string equipment, string scale, string priceRange, DateTimeOffset now)
    {
        if (!carrier.IsPilotBase || carrier.Status == CarrierStatus.Revoked)
        {
            throw new DomainException("只有中试基地可以发布中试服务");
        }

        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(equipment))
        {
            throw new DomainException("请填写服务名称和主要设备", nameof(Title));
        }

        return new PilotService
        {
            Id = Guid.CreateVersion7(now), CarrierId = carrier.Id, CarrierName = carrier.Name, OrganizationId = carrier.OrganizationId, RegionCode = carrier.RegionCode,
            Title = title.Trim(), Equipment = equipment.Trim(), Scale = (scale ?? string.Empty).Trim(), PriceRange = (priceRange ?? string.Empty).Trim(),
            IsPublished = true, CreatedAt = now,
        };
    }

    public void Unpublish() => IsPublished = false;
}

public enum ServiceRequestStatus
{
    Requested = 1,
    Accepted = 2,
    Declined = 3,
    Completed = 4,
}

/// <summary>An enterprise asks a pilot base for a service; the base accepts (or declines), completes it and records the outcome.</summary>
public class ServiceRequest
{
    private ServiceRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public string ServiceTitle { get; private set; } = string.Empty;
    public Guid BaseOrganizationId { get; private set; }
    public Guid RequesterOrganizationId { get; private set; }
    public string RequesterName { get; private set; } = string.Empty;
    public string Need { get; private set; } = string.Empty;
    public ServiceRequestStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public string? Outcome { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public uint Version { get; private set; }

    public static ServiceRequest Ask(PilotService service, Guid requesterOrganizationId, string requesterName, string need, DateTimeOffset now)
    {
        if (!service.IsPublished)
        {
            throw new DomainException("该服务已下架");
        }

        if (requesterOrganizationId == service.OrganizationId)
        {
            throw new DomainException("不能申请本单位的服务");
        }

        if (string.IsNullOrWhiteSpace(need) || need.Trim().Length > 1000)
        {
            throw new DomainException("请填写中试需求（不超过1000字）", nameof(Need));
        }

        return new ServiceRequest
        {
            Id = Guid.CreateVersion7(now), ServiceId = service.Id, ServiceTitle = service.Title, BaseOrganizationId = service.OrganizationId,
            RequesterOrganizationId = requesterOrganizationId, RequesterName = requesterName, Need = need.Trim(), Status = ServiceRequestStatus.Requested, CreatedAt = now,
        };
    }

    public void Answer(bool accept, string? reply)
    {
        if (Status != ServiceRequestStatus.Requested)
        {
            throw new DomainException("该申请已答复");
        }

        if (!accept && string.IsNullOrWhiteSpace(reply))
        {
            throw new DomainException("婉拒须说明理由", nameof(Reply));
        }

        Status = accept ? ServiceRequestStatus.Accepted : ServiceRequestStatus.Declined;
        Reply = reply?.Trim();
    }

    public void Complete(string outcome, DateTimeOffset now)
    {
        if (Status != ServiceRequestStatus.Accepted)
        {
            throw new DomainException("接受后才能登记完成");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainException("请填写服务成果（如中试结论、产品参数）", nameof(Outcome));
        }

        Status = ServiceRequestStatus.Completed;
        Outcome = outcome.Trim();
        CompletedAt = now;
    }
}

public sealed record ScenarioInterest(Guid OrganizationId, string OrganizationName, string Text, DateTimeOffset At);

public enum ScenarioStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>应用场景: a place and problem where new technology can be tried first; suppliers of results express interest; the outcome is recorded.</summary>
public class Scenario
{
    private Scenario()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string PublisherName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Place { get; private set; } = string.Empty;
    public string Problem { get; private set; } = string.Empty;
    public DateOnly Deadline { get; private set; }
    public ScenarioStatus Status { get; private set; }
    public List<ScenarioInterest> Interests { get; private set; } = [];
    public string? Outcome { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Scenario Publish(Guid organizationId, string publisherName, string regionCode, string title, string place, string problem, DateOnly deadline, DateOnly today,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(problem))
        {
            throw new DomainException("请填写场景名称和需要解决的问题", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new DomainException("请填写场景所在地点", nameof(Place));
        }

        if (deadline <= today)
        {
            throw new DomainException("征集截止日期应晚于今天", nameof(Deadline));
        }

        return new Scenario
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, PublisherName = publisherName, RegionCode = regionCode, Title = title.Trim(), Place = place.Trim(),
            Problem = problem.Trim(), Deadline = deadline, Status = ScenarioStatus.Open, CreatedAt = now,
        };
    }

    public void ExpressInterest(Guid organizationId, string organizationName, string text, DateOnly today, DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Open || today > Deadline)
        {
            throw new DomainException("该场景已停止征集");
        }

        if (organizationId == OrganizationId)
        {
            throw new DomainException("不能对本单位发布的场景提交意向");
        }

        if (Interests.Any(i => i.OrganizationId == organizationId))
        {
            throw new DomainException("本单位已提交过意向");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("请说明拟应用的技术或产品", "text");
        }

        Interests.Add(new ScenarioInterest(organizationId, organizationName, text.Trim(), now));
    }

    public void Close(string outcome)
    {
        if (Status == ScenarioStatus.Closed)
        {
            throw new DomainException("该场景已结束");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainException("请填写场景应用结果", "outcome");
        }

        Status = ScenarioStatus.Closed;
        Outcome = outcome.Trim();
    }
}

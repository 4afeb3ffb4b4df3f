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
    /// <summary>Why the service was withdrawn (撤回), and when; null while it is published.</summary>
    public string? WithdrawalReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
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

    /// <summary>撤回: the owner (or the bureau) takes a published service off the public list, saying why.</summary>
    public void Unpublish(string reason, DateTimeOffset now)
    {
        if (!IsPublished)
        {
            throw new DomainException("该服务已撤回");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new DomainException("撤回须说明理由（不超过500字）", nameof(WithdrawalReason));
        }

        IsPublished = false;
        WithdrawalReason = reason.Trim();
        WithdrawnAt = now;
    }
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

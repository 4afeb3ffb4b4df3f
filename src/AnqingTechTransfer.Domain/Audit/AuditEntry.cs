namespace AnqingTechTransfer.Domain.Audit;

public static class AuditOutcome
{
    public const string Success = "成功";
    public const string Failure = "失败";
}

/// <summary>
/// One row of the append-only audit log. Each row carries the SM3 hash of its own content and of the
/// previous row's hash, so changing or deleting any row breaks the chain from that row on.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset occurredAt, string action, string outcome, Guid? userId, string? userName, Guid? organizationId,
        string? entityType, string? entityId, string? clientAddress, string? details)
    {
        // PostgreSQL keeps microseconds; hash exactly what will be read back.
        OccurredAt = new DateTimeOffset(occurredAt.UtcTicks - occurredAt.UtcTicks % 10, TimeSpan.Zero);
        Action = Clip(action, 100)!;
        Outcome = Clip(outcome, 20)!;
        UserId = userId;
        UserName = Clip(userName, 256);
        OrganizationId = organizationId;
        EntityType = Clip(entityType, 100);
        EntityId = Clip(entityId, 100);
        ClientAddress = Clip(clientAddress, 64);
        Details = Clip(details, 4000);
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Action { get; private set; } = string.Empty;
    public string Outcome { get; private set; } = string.Empty;
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string? EntityType { get; private set; }
    public string? EntityId { get; private set; }
    public string? ClientAddress { get; private set; }
    public string? Details { get; private set; }
    public string PreviousHash { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    /// <summary>Places the row after <paramref name="previous"/> (null for the first row) and seals it.</summary>
    public void Chain(long id, string? previousHash)
    {
        Id = id;
        PreviousHash = previousHash ?? AuditChain.Genesis;
        Hash = AuditChain.Compute(this);
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}

using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Organizations;

public sealed record OrganizationRow(Guid Id, string Name, OrganizationKind Kind, string CreditCode, string RegionCode, OrganizationStatus Status,
    bool HasChecksumWarning, bool ChecksumOverridden, DateTimeOffset CreatedAt);

public class OrganizationFilter
{
    public string? Q { get; set; }
    public OrganizationStatus? Status { get; set; }
    public OrganizationKind? Kind { get; set; }
    public string? Region { get; set; }
    /// <summary>Only those whose credit code's check character is wrong and not yet overridden (the admin's to-do).</summary>
    public bool Checksum { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>The registrations list: the filter as asked and one page, pending first, newest first.</summary>
public sealed record OrganizationListPage(OrganizationFilter Filter, PagedList<OrganizationRow> Rows);

public sealed class OrganizationExportRow
{
    [ExcelColumnName("单位名称")] public string Name { get; init; } = string.Empty;
    [ExcelColumnName("单位类型")] public string Kind { get; init; } = string.Empty;
    [ExcelColumnName("统一社会信用代码")] public string CreditCode { get; init; } = string.Empty;
    [ExcelColumnName("所在地区")] public string Region { get; init; } = string.Empty;
    [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
    [ExcelColumnName("注册日期")] public DateTime? CreatedAt { get; init; }
}

/// <summary>单位注册审核, the list: by name or credit code, status, kind and region; and its export, itself an audit row.</summary>
public sealed class ListOrganizationsHandler(PortalDbContext db) : IUseCase
{
    public async Task<OrganizationListPage> HandleAsync(OrganizationFilter filter, CancellationToken ct) =>
        new(filter, await Filtered(filter).ToPagedListAsync(filter.Page, ct: ct));

    public async Task<IReadOnlyList<OrganizationExportRow>> ExportAsync(OrganizationFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(filter).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", AuditOutcome.Success, nameof(Organization), null, $"单位列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new OrganizationExportRow
        {
            Name = r.Name,
            Kind = r.Kind.DisplayName(),
            CreditCode = r.CreditCode,
            Region = AnqingRegions.NameOf(r.RegionCode),
            Status = r.Status.DisplayName(),
            CreatedAt = ExcelExport.Day(r.CreatedAt),
        }).ToList();
    }

    private IQueryable<OrganizationRow> Filtered(OrganizationFilter filter)
    {
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(o => EF.Functions.ILike(o.Name, "%" + q + "%") || o.CreditCode.StartsWith(q.ToUpper()));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Checksum)
        {
            query = query.Where(o => o.HasChecksumWarning && !o.CreditCodeChecksumOverridden);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            query = query.Where(o => o.RegionCode == filter.Region);
        }

        return query.OrderBy(o => o.Status == OrganizationStatus.Pending ? 0 : 1).ThenByDescending(o => o.CreatedAt)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode, o.Status, o.HasChecksumWarning,
                o.CreditCodeChecksumOverridden, o.CreatedAt));
    }
}

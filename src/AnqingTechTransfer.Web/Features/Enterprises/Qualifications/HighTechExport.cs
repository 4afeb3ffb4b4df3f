using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

public sealed class HighTechExportRow
{
    [ExcelColumnName("企业名称")] public string Enterprise { get; init; } = string.Empty;
    [ExcelColumnName("统一社会信用代码")] public string CreditCode { get; init; } = string.Empty;
    [ExcelColumnName("所在地区")] public string Region { get; init; } = string.Empty;
    [ExcelColumnName("证书编号")] public string Number { get; init; } = string.Empty;
    [ExcelColumnName("发证日期")] public DateTime? IssuedOn { get; init; }
    [ExcelColumnName("有效期至")] public DateTime? ValidUntil { get; init; }
    [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
}

/// <summary>The high-tech list as filtered, as Excel rows (at most ExcelExport.MaxRows); the export is audited.</summary>
public class HighTechExportHandler(PortalDbContext db, HighTechListHandler list) : IUseCase
{
    public const string Name = "高新技术企业证书";

    public async Task<IReadOnlyList<HighTechExportRow>> HandleAsync(QualificationFilters filters, int? countedIn, CancellationToken ct)
    {
        var rows = await list.Query(filters, countedIn).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", AuditOutcome.Success, nameof(HighTechRecord), null, $"{Name} {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new HighTechExportRow
        {
            Enterprise = r.EnterpriseName, CreditCode = r.CreditCode, Region = AnqingRegions.NameOf(r.RegionCode), Number = r.Number,
            IssuedOn = ExcelExport.Day(r.IssuedOn), ValidUntil = ExcelExport.Day(r.ValidUntil), Status = ConfirmationNames.Name(r.Confirmation),
        }).ToList();
    }
}

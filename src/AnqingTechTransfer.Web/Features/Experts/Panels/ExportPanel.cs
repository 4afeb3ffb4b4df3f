using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

public sealed class SeatExportRow
{
    [ExcelColumnName("专家")] public string Name { get; init; } = string.Empty;
    [ExcelColumnName("工作单位")] public string Employer { get; init; } = string.Empty;
    [ExcelColumnName("角色")] public string Role { get; init; } = string.Empty;
    [ExcelColumnName("状态")] public string State { get; init; } = string.Empty;
    [ExcelColumnName("总分")] public decimal? Total { get; init; }
}

/// <summary>The panel's seats as a spreadsheet, with the same names hidden as on its page; every export is an audit row.</summary>
public sealed class ExportPanelHandler(PortalDbContext db, PanelPermissions permissions, PanelDetailsHandler details) : IUseCase
{
    public async Task<RecordResult<IReadOnlyList<SeatExportRow>>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await db.PanelAsync(id, ct) is not { } panel)
        {
            return RecordResult<IReadOnlyList<SeatExportRow>>.NotFound;
        }

        if (!permissions.ManagesPanels)
        {
            return RecordResult<IReadOnlyList<SeatExportRow>>.Forbidden;
        }

        var view = await details.ViewAsync(panel, [], ct);
        db.Audit("导出", Domain.Audit.AuditOutcome.Success, nameof(ReviewPanel), panel.Id.ToString(), $"评审组名单 {view.Seats.Count} 人");
        await db.SaveChangesAsync(ct);
        return RecordResult<IReadOnlyList<SeatExportRow>>.Done(view.Seats.Select(s => new SeatExportRow
        {
            Name = s.ExpertName ?? "（保密）", Employer = s.Employer ?? "", Role = s.Member.IsChief ? "首席专家" : s.Member.Role == MemberRole.Member ? "评审专家" : "备选",
            State = ExpertNames.State(s.Member.State), Total = s.Member.State == MemberState.Scored ? s.Member.Total : null,
        }).ToList());
    }
}

using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

public sealed record FundFigure(string Key, decimal Awarded, decimal Disbursed);

public sealed record FiguresView(IReadOnlyList<(int Year, string Programme, int Led, int Total, decimal? Share, bool Below)> Lead, IReadOnlyList<FundFigure> ByProgramme,
    IReadOnlyList<FundFigure> ByMode, IReadOnlyList<FundFigure> ByRegion);

/// <summary>科技计划项目统计: the enterprise-led share of tackling projects per year and programme (70% at least), and the funds by programme, mode and county or park.</summary>
public class FiguresHandler(PortalDbContext db) : IUseCase
{
    public async Task<FiguresView> HandleAsync(CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Join(db.ProjectCalls.AsNoTracking(), p => p.CallId, c => c.Id, (p, c) => new { p.Id, p.Terms, c.Year })
            .ToListAsync(ct);
        var awarded = await db.ProjectApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Awarded)
            .Select(a => new { a.Id, a.ProgrammeId, a.EnterpriseLed, a.RegionCode, a.ApprovedAmount }).ToListAsync(ct);
        var disbursed = (await db.Projects.AsNoTracking().Select(p => new { p.ApplicationId, p.Disbursements }).ToListAsync(ct))
            .ToDictionary(p => p.ApplicationId, p => p.Disbursements.Sum(d => d.Amount));
        var rows = awarded.Join(programmes, a => a.ProgrammeId, p => p.Id, (a, p) => new
        {
            p.Year, Programme = p.Terms.Name, p.Terms.Mode, p.Terms.IsTackling, a.EnterpriseLed, a.RegionCode, Amount = a.ApprovedAmount ?? 0,
            Paid = disbursed.GetValueOrDefault(a.Id),
        }).ToList();
        var lead = rows.GroupBy(r => (r.Year, r.Programme)).OrderByDescending(g => g.Key.Year).ThenBy(g => g.Key.Programme).Select(g =>
        {
            var (led, total, share, below) = EnterpriseLead.Share(g.Select(r => (r.EnterpriseLed, r.IsTackling)));
            return (g.Key.Year, g.Key.Programme, led, total, share, below);
        }).Concat(rows.GroupBy(r => r.Year).Select(g =>
        {
            var (led, total, share, below) = EnterpriseLead.Share(g.Select(r => (r.EnterpriseLed, r.IsTackling)));
            return (g.Key, "全部攻关类项目", led, total, share, below);
        })).ToList();
        return new FiguresView(lead,
            rows.GroupBy(r => r.Programme).Select(g => new FundFigure(g.Key, g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList(),
            rows.GroupBy(r => r.Mode).Select(g => new FundFigure(g.Key.Name(), g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList(),
            rows.GroupBy(r => r.RegionCode).Select(g => new FundFigure(Domain.Regions.AnqingRegions.NameOf(g.Key), g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList());
    }
}

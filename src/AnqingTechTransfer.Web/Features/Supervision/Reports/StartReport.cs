using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>
/// A university or institute starts its report for an ended year, pre-filled from the contracts it registered on the portal
/// as seller. A broken rule (a year not ended, a report already started) stays the filter's flash message. The answer is the
/// new report's id.
/// </summary>
public class StartReportHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<Guid> HandleAsync(int year, CancellationToken ct)
    {
        TransferReport.CheckYear(year, Display.Today(clock).Year);
        var me = actor.OrganizationId;
        if (await db.TransferReports.AnyAsync(r => r.OrganizationId == me && r.Year == year, ct))
        {
            throw new DomainException($"本单位{year}年度报告已创建，请在列表中打开");
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == me, ct);
        var report = TransferReport.Start(own.Id, own.Name, own.RegionCode, year, Display.Today(clock).Year, await FromPortalAsync(me, year, ct), clock.GetUtcNow());
        db.TransferReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>What the portal knows of a year: the registered contracts the unit sold — licences apart from the other types — and the results transferred (transfers and licences).</summary>
    private async Task<TransferFigures> FromPortalAsync(Guid organizationId, int year, CancellationToken ct)
    {
        var from = Display.StartOf(new DateOnly(year, 1, 1));
        var until = from.AddYears(1);
        var rows = await db.TechContracts.AsNoTracking()
            .Where(c => c.SellerOrganizationId == organizationId && c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < until)
            .GroupBy(c => c.Type).Select(g => new { Type = g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount) }).ToListAsync(ct);
        var licences = rows.Where(r => r.Type == TechContractType.Licence).ToList();
        var others = rows.Where(r => r.Type != TechContractType.Licence).ToList();
        return new TransferFigures(rows.Where(r => r.Type is TechContractType.Transfer or TechContractType.Licence).Sum(r => r.Count), others.Sum(r => r.Count),
            others.Sum(r => r.Amount), licences.Sum(r => r.Count), licences.Sum(r => r.Amount), 0, 0, 0, 0);
    }
}

using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>The contract list and its Excel export: what the tenant filter lets the user see, filtered and sorted.</summary>
public class ContractListHandler(PortalDbContext db, ContractCalendarHandler calendar, CodeTableLookupHandler codes, ContractPermissions permissions,
    ContractQueue queue, IOptions<ContractOptions> options, Tenancy.ICurrentActor actor) : IUseCase
{
    public async Task<ContractListPage> PageAsync(ContractFilter filter, CancellationToken ct)
    {
        var points = await db.RegistrationPoints.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var fields = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        var rows = await Rows(filter).ToPagedListAsync(filter.Page, ct: ct);
        return new ContractListPage(rows, filter, calendar.Today, options.Value.WarningDays, points, fields, permissions.MayFile, permissions.SeesQueue, permissions.Imports,
            await calendar.CoverageAsync(ct), await queue.CountsAsync(ct), Marks(filter), await DrillAsync(filter, rows.Total, ct));
    }

    /// <summary>The searched words, marked in the project names shown (ADR 0017).</summary>
    private static IReadOnlyList<string> Marks(ContractFilter filter)
    {
        var words = ContractQueries.Words(filter);
        return words.Words.Count > 0 ? words.Marks(false) : words.IsEmpty ? [] : [words.Text];
    }

    /// <summary>Opened from the cockpit: the total of the figure behind it (技术交易额 or 成交额) over every page.</summary>
    private async Task<DrillDownNote?> DrillAsync(ContractFilter filter, int count, CancellationToken ct)
    {
        if (filter.Drill is not { } source || filter.Year is null || filter.Tab is not null)
        {
            return null;
        }

        var contracts = db.TechContracts.AsNoTracking().Apply(filter);
        var amount = source == Domain.Targets.IndicatorSource.TechAmount
            ? await contracts.SumAsync(c => c.TechAmount, ct)
            : await contracts.SumAsync(c => c.ContractAmount, ct);
        return DrillDownNote.From(source, filter.Region, filter.Year, count, amount);
    }

    /// <summary>How many contracts the filter exports (up to the export limit): a larger list is exported in the background.</summary>
    public async Task<int> ExportCountAsync(ContractFilter filter, CancellationToken ct) =>
        await Rows(filter).Take(ExcelExport.MaxRows + 1).CountAsync(ct);

    /// <summary>
    /// Up to the export limit, audited as an export. <paramref name="progress"/>, when given, hears how many rows were read
    /// every thousand rows (the background export's progress bar).
    /// </summary>
    public async Task<IReadOnlyList<ContractExportRow>> ExportAsync(ContractFilter filter, CancellationToken ct, Func<int, Task>? progress = null)
    {
        var rows = new List<ContractExportRow>();
        await foreach (var r in Rows(filter).Take(ExcelExport.MaxRows).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(new ContractExportRow
            {
                Number = r.RegistrationNumber ?? string.Empty,
                ProjectName = r.ProjectName,
                Type = r.Type.Name(),
                Seller = r.SellerName,
                Buyer = r.BuyerName,
                ContractAmount = decimal.Round(r.ContractAmount, 2),
                TechAmount = decimal.Round(r.TechAmount, 2),
                Status = r.Status.Name(),
                Point = r.PointName,
                SignedOn = ExcelExport.Day(r.SignedOn),
                Source = r.IsImported ? "外地登记导入" : "本平台登记",
            });
            if (progress is not null && rows.Count % 1000 == 0)
            {
                await progress(rows.Count);
            }
        }

        db.Audit("导出", AuditOutcome.Success, nameof(TechContract), null, $"技术合同列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    private IQueryable<ContractRow> Rows(ContractFilter filter)
    {
        var contracts = db.TechContracts.AsNoTracking();
        if (filter.Tab is { } tab)
        {
            if (queue.Shows)
            {
                contracts = queue.Tab(contracts, tab);
            }
            else
            {
                filter.Tab = null; // only registrars and the bureau have a queue
            }
        }

        if (filter.Filed)
        {
            var own = actor.OrganizationId;
            contracts = contracts.Where(c => c.FilerOrganizationId == own);
        }

        return contracts.Apply(filter)
            .Join(db.RegistrationPoints, c => c.RegistrationPointId, p => p.Id, (c, p) => new ContractRow(c.Id, c.ProjectName, c.Type, c.Seller.Name, c.Buyer.Name,
                c.ContractAmount, c.TechAmount, c.Status, p.Name, c.SignedOn, c.DueOn, c.RegistrationNumber, c.IsImported,
                c.AcceptedOn, c.SubmittedAt));
    }
}

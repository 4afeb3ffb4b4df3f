using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

public sealed record CodeTableSummary(CodeTableDefinition Definition, int Active, int Retired);

/// <summary>数据字典: every code table of the catalog with its count of active and retired entries.</summary>
public sealed class ListCodeTablesHandler(PortalDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<CodeTableSummary>> HandleAsync(CancellationToken ct)
    {
        var counts = await db.CodeEntries.AsNoTracking().GroupBy(c => new { c.Table, c.Retired })
            .Select(g => new { g.Key.Table, g.Key.Retired, Count = g.Count() }).ToListAsync(ct);
        return CodeTableCatalog.All.Select(t => new CodeTableSummary(t,
            counts.Where(c => c.Table == t.Key && !c.Retired).Sum(c => c.Count),
            counts.Where(c => c.Table == t.Key && c.Retired).Sum(c => c.Count))).ToList();
    }
}

using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

public sealed record CodeOption(string Code, string Name);

/// <summary>What modules use: the active entries for a form, and the name of any code ever saved (retired ones included).</summary>
public class CodeTableLookupHandler(PortalDbContext db) : Shared.IUseCase
{
    public async Task<IReadOnlyList<CodeOption>> ActiveAsync(string table, CancellationToken ct) =>
        await db.CodeEntries.AsNoTracking().Where(c => c.Table == table && !c.Retired).OrderBy(c => c.SortOrder)
            .Select(c => new CodeOption(c.Code, c.Name)).ToListAsync(ct);

    public async Task<bool> IsActiveAsync(string table, string code, CancellationToken ct) =>
        await db.CodeEntries.AnyAsync(c => c.Table == table && c.Code == code && !c.Retired, ct);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(string table, CancellationToken ct) =>
        await db.CodeEntries.AsNoTracking().Where(c => c.Table == table).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
}

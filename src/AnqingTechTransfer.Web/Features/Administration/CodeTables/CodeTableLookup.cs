using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

public sealed record CodeOption(string Code, string Name);

/// <summary>
/// What modules use: the active entries for a form, and the name of any code ever saved (retired ones included). The
/// dictionary is small and read on most pages (a contract's details named six tables, one statement each), so every entry
/// is read in one statement and kept (issue 26) until an entry is saved through this instance (<see cref="DataWrites"/>),
/// or for <see cref="Lifetime"/>: an edit made through another instance shows there within it.
/// </summary>
public class CodeTableLookupHandler(PortalDbContext db, IMemoryCache cache, DataWrites writes) : Shared.IUseCase
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Entry(string Table, string Code, string Name, bool Retired, int SortOrder);

    private async Task<IReadOnlyList<Entry>> AllAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync((nameof(CodeTableLookupHandler), writes.VersionOf([typeof(CodeEntry)])), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            IReadOnlyList<Entry> all = await db.CodeEntries.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
                .Select(c => new Entry(c.Table, c.Code, c.Name, c.Retired, c.SortOrder)).ToListAsync(ct);
            return all;
        }))!;

    public async Task<IReadOnlyList<CodeOption>> ActiveAsync(string table, CancellationToken ct) =>
        (await AllAsync(ct)).Where(c => c.Table == table && !c.Retired).OrderBy(c => c.SortOrder).Select(c => new CodeOption(c.Code, c.Name)).ToList();

    public async Task<bool> IsActiveAsync(string table, string code, CancellationToken ct) =>
        (await AllAsync(ct)).Any(c => c.Table == table && c.Code == code && !c.Retired);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(string table, CancellationToken ct) =>
        (await AllAsync(ct)).Where(c => c.Table == table).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
}

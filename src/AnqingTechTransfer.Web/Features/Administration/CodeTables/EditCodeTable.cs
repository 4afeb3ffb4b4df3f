using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

public sealed record CodeEntryRow(Guid Id, string Code, string Name, int SortOrder, bool Retired, uint Version);

/// <summary>One code table's page: its entries (retired last) and the form for a new one.</summary>
public sealed record CodeTablePage(CodeTableDefinition Definition, IReadOnlyList<CodeEntryRow> Entries, CodeEntryForm NewEntry);

/// <summary>
/// 数据字典, one table: the bureau admin adds, renames, reorders and retires entries. Entries are never deleted, so every
/// record keeps the code it was saved with and still shows its name. The answers of the changes are the table's key.
/// </summary>
public sealed class EditCodeTableHandler(PortalDbContext db) : IUseCase
{
    public async Task<CodeTablePage?> PageAsync(string table, CodeEntryForm form, CancellationToken ct) =>
        CodeTableCatalog.Find(table) is { } definition ? await PageAsync(definition, form, ct) : null;

    /// <summary>A code is unique in its table, retired entries included. <paramref name="formValid"/> is the binder's verdict.</summary>
    public async Task<RecordResult<CodeTablePage>> AddAsync(string table, CodeEntryForm form, bool formValid, CancellationToken ct)
    {
        var definition = CodeTableCatalog.Find(table);
        if (definition is null)
        {
            return RecordResult<CodeTablePage>.NotFound;
        }

        var errors = formValid && await db.CodeEntries.AnyAsync(c => c.Table == table && c.Code == form.Code, ct)
            ? [new FieldError("NewEntry.Code", "该代码已存在（含已停用的条目），请换一个代码或恢复原条目")]
            : new List<FieldError>();
        if (!formValid || errors.Count > 0)
        {
            return RecordResult<CodeTablePage>.Invalid(errors, await PageAsync(definition, form, ct));
        }

        db.CodeEntries.Add(new CodeEntry(table, form.Code, form.Name, form.SortOrder));
        await db.SaveChangesAsync(ct);
        return RecordResult<CodeTablePage>.Done(new CodeTablePage(definition, [], form));
    }

    public Task<string?> EditAsync(Guid id, CodeEntryForm form, CancellationToken ct) => ChangeAsync(id, form.Version, entry =>
    {
        entry.Rename(form.Name);
        entry.Reorder(form.SortOrder);
    }, ct);

    public Task<string?> RetireAsync(Guid id, uint version, CancellationToken ct) => ChangeAsync(id, version, entry => entry.Retire(), ct);

    public Task<string?> RestoreAsync(Guid id, uint version, CancellationToken ct) => ChangeAsync(id, version, entry => entry.Restore(), ct);

    /// <summary>The version posted guards against a concurrent edit; the answer is the entry's table, or null when there is no such entry.</summary>
    private async Task<string?> ChangeAsync(Guid id, uint version, Action<CodeEntry> change, CancellationToken ct)
    {
        var entry = await db.CodeEntries.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return null;
        }

        db.Entry(entry).Property(c => c.Version).OriginalValue = version;
        change(entry);
        await db.SaveChangesAsync(ct);
        return entry.Table;
    }

    private async Task<CodeTablePage> PageAsync(CodeTableDefinition definition, CodeEntryForm form, CancellationToken ct) =>
        new(definition, await db.CodeEntries.AsNoTracking().Where(c => c.Table == definition.Key)
            .OrderBy(c => c.Retired).ThenBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new CodeEntryRow(c.Id, c.Code, c.Name, c.SortOrder, c.Retired, c.Version)).ToListAsync(ct), form);
}

using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.CodeTables;

public class CodeEntryForm
{
    [Display(Name = "代码")]
    [Required(ErrorMessage = "请填写代码")]
    [RegularExpression(@"^[0-9A-Za-z\-]{1,20}$", ErrorMessage = "代码为1至20位字母、数字或连字符")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "名称")]
    [Required(ErrorMessage = "请填写名称")]
    [StringLength(200, ErrorMessage = "名称不能超过200个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "排序")]
    [Range(0, 100000, ErrorMessage = "排序应为0至100000的整数")]
    public int SortOrder { get; set; }

    public uint Version { get; set; }
}

public sealed record CodeTableSummary(CodeTableDefinition Definition, int Active, int Retired);

public sealed record CodeTableViewModel(CodeTableDefinition Definition, IReadOnlyList<CodeEntry> Entries, CodeEntryForm NewEntry);

/// <summary>
/// 数据字典: the bureau admin adds, renames, reorders and retires entries. Entries are never deleted, so every
/// record keeps the code it was saved with and still shows its name.
/// </summary>
[Authorize(Policy = Policies.BureauAdmin)]
[Route("admin/code-tables")]
public class CodeTablesController(PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var counts = await db.CodeEntries.AsNoTracking().GroupBy(c => new { c.Table, c.Retired })
            .Select(g => new { g.Key.Table, g.Key.Retired, Count = g.Count() }).ToListAsync(ct);
        return View(CodeTableCatalog.All.Select(t => new CodeTableSummary(t,
            counts.Where(c => c.Table == t.Key && !c.Retired).Sum(c => c.Count),
            counts.Where(c => c.Table == t.Key && c.Retired).Sum(c => c.Count))).ToList());
    }

    [HttpGet("{table}")]
    public async Task<IActionResult> Table(string table, CancellationToken ct)
    {
        var definition = CodeTableCatalog.Find(table);
        if (definition is null)
        {
            return NotFound();
        }

        return View(await ModelAsync(definition, new CodeEntryForm(), ct));
    }

    [HttpPost("{table}")]
    public async Task<IActionResult> Add(string table, [Bind(Prefix = "NewEntry")] CodeEntryForm form, CancellationToken ct)
    {
        var definition = CodeTableCatalog.Find(table);
        if (definition is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && await db.CodeEntries.AnyAsync(c => c.Table == table && c.Code == form.Code, ct))
        {
            ModelState.AddModelError("NewEntry.Code", "该代码已存在（含已停用的条目），请换一个代码或恢复原条目");
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Table), await ModelAsync(definition, form, ct));
        }

        db.CodeEntries.Add(new CodeEntry(table, form.Code, form.Name, form.SortOrder));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已新增“{form.Name}”。";
        return RedirectToAction(nameof(Table), new { table });
    }

    [HttpPost("entries/{id:guid}")]
    public Task<IActionResult> Edit(Guid id, CodeEntryForm form, CancellationToken ct) => ChangeAsync(id, form.Version, entry =>
    {
        entry.Rename(form.Name);
        entry.Reorder(form.SortOrder);
    }, "已保存。", ct);

    [HttpPost("entries/{id:guid}/retire")]
    public Task<IActionResult> Retire(Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, entry => entry.Retire(), "已停用：表单中不再提供该项，已保存的记录仍显示其名称。", ct);

    [HttpPost("entries/{id:guid}/restore")]
    public Task<IActionResult> Restore(Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, entry => entry.Restore(), "已恢复。", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, uint version, Action<CodeEntry> change, string done, CancellationToken ct)
    {
        var entry = await db.CodeEntries.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        db.Entry(entry).Property(c => c.Version).OriginalValue = version;
        change(entry);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Table), new { table = entry.Table });
    }

    private async Task<CodeTableViewModel> ModelAsync(CodeTableDefinition definition, CodeEntryForm form, CancellationToken ct) =>
        new(definition, await db.CodeEntries.AsNoTracking().Where(c => c.Table == definition.Key)
            .OrderBy(c => c.Retired).ThenBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct), form);
}

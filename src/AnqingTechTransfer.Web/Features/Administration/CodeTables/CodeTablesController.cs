using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

/// <summary>
/// 数据字典: the bureau admin adds, renames, reorders and retires entries. Entries are never deleted, so every
/// record keeps the code it was saved with and still shows its name.
/// </summary>
[Authorize(Policy = Policies.BureauAdmin)]
[Route("admin/code-tables")]
public class CodeTablesController(EditCodeTableHandler tables) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCodeTablesHandler list, CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("{table}")]
    public async Task<IActionResult> Table(string table, CancellationToken ct) =>
        await tables.PageAsync(table, new CodeEntryForm(), ct) is { } page ? View(page) : NotFound();

    [HttpPost("{table}")]
    public async Task<IActionResult> Add(string table, [Bind(Prefix = "NewEntry")] CodeEntryForm form, CancellationToken ct) =>
        this.Answer(await tables.AddAsync(table, form, ModelState.IsValid, ct),
            _ => this.Flash($"已新增“{form.Name}”。", RedirectToAction(nameof(Table), new { table })),
            page => View(nameof(Table), page));

    [HttpPost("entries/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CodeEntryForm form, CancellationToken ct) =>
        Changed(await tables.EditAsync(id, form, ct), "已保存。");

    [HttpPost("entries/{id:guid}/retire")]
    public async Task<IActionResult> Retire(Guid id, uint version, CancellationToken ct) =>
        Changed(await tables.RetireAsync(id, version, ct), "已停用：表单中不再提供该项，已保存的记录仍显示其名称。");

    [HttpPost("entries/{id:guid}/restore")]
    public async Task<IActionResult> Restore(Guid id, uint version, CancellationToken ct) =>
        Changed(await tables.RestoreAsync(id, version, ct), "已恢复。");

    private IActionResult Changed(string? table, string done) =>
        table is null ? NotFound() : this.Flash(done, RedirectToAction(nameof(Table), new { table }));
}

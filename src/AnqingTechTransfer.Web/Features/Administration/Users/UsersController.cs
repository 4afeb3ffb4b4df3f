using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>
/// Users of one's own organization (organization admins) or of all organizations (bureau admin): the list and its export,
/// a new account, its roles, a new one-time password, disabling and enabling. One use case per action; who may manage which
/// account is <see cref="UserPermissions"/>'s, asked by each handler on the account it loads.
/// </summary>
[Authorize(Policy = Policies.UserManager)]
[Route("admin/users")]
public class UsersController(TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListUsersHandler list, string? q, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(q, page, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromServices] ListUsersHandler list, string? q, CancellationToken ct) =>
        await this.ToExcelAsync(await list.ExportAsync(q, ct), "用户列表", clock);

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateUserHandler create, CancellationToken ct) => View(await create.NewAsync(ct));

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] CreateUserHandler create, NewUserForm form, CancellationToken ct)
    {
        var outcome = await create.HandleAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (outcome.Value is not { } created)
        {
            return View(form);
        }

        return this.Flash($"已创建用户 {created.UserName}，初始密码：{created.Password}（仅显示一次，用户首次登录须修改）。", RedirectToAction(nameof(Index)));
    }

    [HttpGet("{id:guid}/roles")]
    public async Task<IActionResult> Roles([FromServices] ChangeRolesHandler roles, Guid id, CancellationToken ct) =>
        this.Answer(await roles.FormAsync(id, ct), page => View(page));

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> Roles([FromServices] ChangeRolesHandler roles, Guid id, UserRolesForm form, CancellationToken ct) =>
        this.Answer(await roles.HandleAsync(id, form, ct),
            page => this.Flash($"已更新 {page.User.UserName} 的角色。", RedirectToAction(nameof(Index))),
            page => View(page));

    [HttpPost("{id:guid}/disable")]
    public async Task<IActionResult> Disable([FromServices] ManageAccountHandler manage, Guid id, CancellationToken ct) =>
        Done(await manage.DisableAsync(id, ct));

    [HttpPost("{id:guid}/enable")]
    public async Task<IActionResult> Enable([FromServices] ManageAccountHandler manage, Guid id, CancellationToken ct) =>
        Done(await manage.EnableAsync(id, ct));

    [HttpPost("{id:guid}/reset-password")]
    public async Task<IActionResult> ResetPassword([FromServices] ManageAccountHandler manage, Guid id, CancellationToken ct) =>
        Done(await manage.ResetPasswordAsync(id, ct));

    private IActionResult Done(RecordResult<string> result) => this.Answer(result, message => this.Flash(message, RedirectToAction(nameof(Index))));
}

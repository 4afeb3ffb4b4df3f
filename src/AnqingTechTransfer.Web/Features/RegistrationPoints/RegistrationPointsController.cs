using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.RegistrationPoints;

public class PointForm
{
    public uint Version { get; set; }

    [Display(Name = "登记点名称")]
    [Required(ErrorMessage = "请填写登记点名称")]
    [StringLength(200, ErrorMessage = "名称不能超过200个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "登记点代码")]
    [Required(ErrorMessage = "请填写登记点代码")]
    [RegularExpression(@"^\d{2}$", ErrorMessage = "登记点代码应为2位数字")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "所在县（市、区）或园区")]
    [Required(ErrorMessage = "请选择所在地区")]
    public string RegionCode { get; set; } = string.Empty;

    [Display(Name = "地址")][StringLength(300)] public string? Address { get; set; }
    [Display(Name = "联系人")][StringLength(50)] public string? ContactName { get; set; }
    [Display(Name = "联系电话")][StringLength(30)] public string? ContactPhone { get; set; }
}

public sealed record PointRow(RegistrationPoint Point, IReadOnlyList<(Guid UserId, string UserName, string DisplayName)> Registrars, int Contracts);

/// <summary>The bureau creates registration points, assigns registrars to them, and closes them (their history stays).</summary>
[Authorize(Policy = Policies.BureauStaff)]
[Route("registration-points")]
public class RegistrationPointsController(PortalDbContext db, UserManager<PortalUser> users, RegistrationPointPermissions permissions, TimeProvider clock,
    Infrastructure.Security.SessionRevocation sessions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var points = await db.RegistrationPoints.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var registrars = await db.RegistrationPointRegistrars.AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.PointId, u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var counts = await db.TechContracts.AsNoTracking().GroupBy(c => c.RegistrationPointId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return View(points.Select(p => new PointRow(p, registrars.Where(r => r.PointId == p.Id).Select(r => (r.Id, r.UserName!, r.DisplayName)).ToList(),
            counts.GetValueOrDefault(p.Id))).ToList());
    }

    [HttpGet("new")]
    public IActionResult New() => View("Form", new PointForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(PointForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && await db.RegistrationPoints.AnyAsync(p => p.Code == form.Code, ct))
        {
            ModelState.AddModelError(nameof(form.Code), "该代码已被其他登记点使用（含已关闭的登记点）");
        }

        if (!ModelState.IsValid)
        {
            return View("Form", form);
        }

        try
        {
            db.RegistrationPoints.Add(RegistrationPoint.Create(form.Name, form.Code, form.RegionCode, form.Address, form.ContactName, form.ContactPhone, clock.GetUtcNow()));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View("Form", form);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已新增登记点“{form.Name}”。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return NotFound();
        }

        ViewData["Id"] = id;
        return View("Form", new PointForm
        {
            Version = point.Version, Name = point.Name, Code = point.Code, RegionCode = point.RegionCode,
            Address = point.Address, ContactName = point.ContactName, ContactPhone = point.ContactPhone,
        });
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, PointForm form, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return NotFound();
        }

        ViewData["Id"] = id;
        if (ModelState.IsValid && form.Code != point.Code && await db.TechContracts.AnyAsync(c => c.RegistrationPointId == id && c.RegistrationNumber != null, ct))
        {
            ModelState.AddModelError(nameof(form.Code), "该登记点已发放登记编号，代码不能再修改");
        }

        if (ModelState.IsValid && await db.RegistrationPoints.AnyAsync(p => p.Code == form.Code && p.Id != id, ct))
        {
            ModelState.AddModelError(nameof(form.Code), "该代码已被其他登记点使用");
        }

        if (!ModelState.IsValid)
        {
            return View("Form", form);
        }

        db.Entry(point).Property(p => p.Version).OriginalValue = form.Version;
        point.Update(form.Name, form.Code, form.RegionCode, form.Address, form.ContactName, form.ContactPhone);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已保存。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/close")]
    public Task<IActionResult> Close(Guid id, string? reason, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, p => p.Close(reason ?? string.Empty, clock.GetUtcNow()), "登记点已关闭，其历史合同保留可查。", ct);

    [HttpPost("{id:guid}/reopen")]
    public Task<IActionResult> Reopen(Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, p => p.Reopen(), "登记点已重新开放。", ct);

    [HttpPost("{id:guid}/registrars")]
    public async Task<IActionResult> Assign(Guid id, string? userName, CancellationToken ct)
    {
        if (!await db.RegistrationPoints.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !await permissions.MayBeAssignedAsync(user))
        {
            TempData[DomainExceptionFilter.FlashError] = "未找到该用户，或该用户没有“技术合同登记员”角色。";
        }
        else if (await db.RegistrationPointRegistrars.AnyAsync(r => r.PointId == id && r.UserId == user.Id, ct))
        {
            TempData[DomainExceptionFilter.FlashError] = "该登记员已在本登记点。";
        }
        else
        {
            db.RegistrationPointRegistrars.Add(new RegistrationPointRegistrar(id, user.Id, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = $"已指派登记员 {user.UserName}（一分钟内生效）。";
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/registrars/{userId:guid}/remove")]
    public async Task<IActionResult> Unassign(Guid id, Guid userId, CancellationToken ct)
    {
        // Removing twice (two tabs, a double click) leaves the same result: not assigned.
        var assignment = await db.RegistrationPointRegistrars.SingleOrDefaultAsync(r => r.PointId == id && r.UserId == userId, ct);
        if (assignment is not null)
        {
            db.RegistrationPointRegistrars.Remove(assignment);
            await db.SaveChangesAsync(ct);
            await sessions.RevokeAsync(userId, ct); // the point's contracts are out of reach at the registrar's next request
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "已取消指派。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> ChangeAsync(Guid id, uint version, Action<RegistrationPoint> change, string done, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return NotFound();
        }

        db.Entry(point).Property(p => p.Version).OriginalValue = version;
        change(point);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Index));
    }
}

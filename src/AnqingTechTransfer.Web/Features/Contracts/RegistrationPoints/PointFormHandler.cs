using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>
/// Creates and edits registration points. Codes are unique among all points, closed ones included, and a point that has
/// issued registration numbers keeps its code. <c>bound</c>: the form was valid as posted (then the code is checked).
/// </summary>
public class PointFormHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<PointForm?> EditFormAsync(Guid id, CancellationToken ct) =>
        await db.RegistrationPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } point ? PointForm.From(point) : null;

    public async Task<Outcome<Guid>> CreateAsync(PointForm form, bool bound, CancellationToken ct)
    {
        if (!bound)
        {
            return Outcome<Guid>.Failed([]);
        }

        if (await db.RegistrationPoints.AnyAsync(p => p.Code == form.Code, ct))
        {
            return Outcome<Guid>.Failed([new FieldError(nameof(form.Code), "该代码已被其他登记点使用（含已关闭的登记点）")]);
        }

        var created = FieldErrors.Try(() => RegistrationPoint.Create(form.Name, form.Code, form.RegionCode, form.Address, form.ContactName, form.ContactPhone, clock.GetUtcNow()));
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Failed(created.Errors);
        }

        db.RegistrationPoints.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Ok(created.Value!.Id);
    }

    /// <summary>Null when there is no such point.</summary>
    public async Task<Outcome<Guid>?> UpdateAsync(Guid id, PointForm form, bool bound, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return null;
        }

        form.Id = id;
        if (!bound)
        {
            return Outcome<Guid>.Failed([]);
        }

        if (form.Code != point.Code && await db.TechContracts.AnyAsync(c => c.RegistrationPointId == id && c.RegistrationNumber != null, ct))
        {
            return Outcome<Guid>.Failed([new FieldError(nameof(form.Code), "该登记点已发放登记编号，代码不能再修改")]);
        }

        if (await db.RegistrationPoints.AnyAsync(p => p.Code == form.Code && p.Id != id, ct))
        {
            return Outcome<Guid>.Failed([new FieldError(nameof(form.Code), "该代码已被其他登记点使用")]);
        }

        db.Entry(point).Property(p => p.Version).OriginalValue = form.Version;
        point.Update(form.Name, form.Code, form.RegionCode, form.Address, form.ContactName, form.ContactPhone);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Ok(id);
    }
}

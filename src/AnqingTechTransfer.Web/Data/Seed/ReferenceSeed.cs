using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>Data every installation has: roles, Anqing's regions, the code tables, the municipal bureau. Idempotent.</summary>
public static class ReferenceSeed
{
    public const string BureauName = "安庆市科学技术局";
    /// <summary>The closed pseudo-point that contracts registered elsewhere (imported for 吸纳) belong to.</summary>
    public const string ImportPointCode = "00";
    public static readonly string BureauCreditCode = CreditCode.Complete("11340800003085" + "71X");

    public static async Task RunAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var roles = services.GetRequiredService<RoleManager<PortalRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new PortalRole(role));
            }
        }

        var known = await db.Regions.Select(r => r.Code).ToListAsync();
        db.Regions.AddRange(AnqingRegions.All.Where(r => !known.Contains(r.Code)).Select(r => new Region(r.Code, r.Name, r.Kind, r.SortOrder)));

        // Only tables never seeded get their first entries: later edits by the bureau admin are never overwritten.
        var seededTables = await db.CodeEntries.Select(c => c.Table).Distinct().ToListAsync();
        foreach (var table in CodeTableCatalog.All.Where(t => !seededTables.Contains(t.Key)))
        {
            db.CodeEntries.AddRange(table.Seed.Select((e, i) => new CodeEntry(table.Key, e.Code, e.Name, (i + 1) * 10)));
        }

        // The working-day calendar: only seeded while empty; the bureau maintains it afterwards.
        if (!await db.CalendarDays.AnyAsync())
        {
            db.CalendarDays.AddRange(WorkingDayCalendar.China2025To2026.Select(d => new CalendarDay(d.Date, d.IsWorkingDay, d.Name)));
        }

        if (!await db.RegistrationPoints.AnyAsync(p => p.Code == ImportPointCode))
        {
            var import = RegistrationPoint.Create("外地登记合同（省系统导入）", ImportPointCode, AnqingRegions.City, null, null, null, DateTimeOffset.UtcNow);
            import.Close("仅用于导入在外地登记、买方在安庆的吸纳合同，不接受申报", DateTimeOffset.UtcNow);
            db.RegistrationPoints.Add(import);
        }

        if (!await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.MunicipalBureau))
        {
            db.Organizations.Add(Organization.Create(OrganizationKind.MunicipalBureau, BureauName, BureauCreditCode, AnqingRegions.City,
                DateTimeOffset.UtcNow, OrganizationStatus.Active, "安庆市迎江区", "科技成果转化科"));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Without demo data, the first bureau admin: user "admin" with the given one-time password, which must be
    /// changed at first sign-in, and TOTP enrolment before anything else (no default account keeps a known password).
    /// </summary>
    public static async Task EnsureFirstAdminAsync(IServiceProvider services, string password)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync("admin") is not null)
        {
            return;
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var bureau = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.MunicipalBureau);
        var admin = new PortalUser
        {
            UserName = "admin",
            DisplayName = "系统管理员",
            OrganizationId = bureau.Id,
            IsOrganizationAdmin = true,
            MustChangePassword = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Require(await users.CreateAsync(admin, password));
        Require(await users.AddToRoleAsync(admin, PortalRoles.BureauAdmin));
    }

    internal static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

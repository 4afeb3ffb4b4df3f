using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;


namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>The plan's indicators: the three doubling targets, 吸纳 (the counties' and parks' assessment indicator) and companions.</summary>
public static class TargetIndicators
{
    public const string HighTech = "hnte_count";
    public const string TechSme = "tech_sme_count";
    public const string ContractAmount = "contract_amount";
    public const string Absorbed = "absorbed_amount";
    public const string Output = "output_amount";
    public const string TechAmount = "tech_amount";
    public const string RdSpending = "rd_spending";

    public static readonly IReadOnlyList<(string Key, string Name, string Unit, IndicatorSource Source, bool Headline)> Standard =
    [
        (HighTech, "高新技术企业数", "家", IndicatorSource.HighTechCount, true),
        (TechSme, "科技型中小企业数", "家", IndicatorSource.TechSmeCount, true),
        (ContractAmount, "技术合同成交额", "万元", IndicatorSource.ContractAmount, true),
        (Absorbed, "吸纳技术合同成交额", "万元", IndicatorSource.AbsorbedAmount, true),
        (Output, "输出技术合同成交额", "万元", IndicatorSource.OutputAmount, false),
        (TechAmount, "技术交易额", "万元", IndicatorSource.TechAmount, false),
        (RdSpending, "全社会研发经费投入", "万元", IndicatorSource.Entered, false),
    ];
}


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

        // The plan's indicators and its period (2021 → 2025, ×2): seeded once, maintained by the bureau afterwards.
        if (!await db.Indicators.AnyAsync())
        {
            db.Indicators.AddRange(TargetIndicators.Standard.Select((i, n) => Indicator.Create(i.Key, i.Name, i.Unit, i.Source, (n + 1) * 10, i.Headline, DateTimeOffset.UtcNow)));
        }

        if (!await db.PlanPeriods.AnyAsync())
        {
            db.PlanPeriods.Add(PlanPeriod.Create("安庆市科技成果转化行动方案（2021—2025年）", 2021, 2025, 2m, PathShape.Geometric, DateTimeOffset.UtcNow));
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

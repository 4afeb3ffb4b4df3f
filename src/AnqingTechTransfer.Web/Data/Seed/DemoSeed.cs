using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// The demo organizations and one user per role (README lists them). Loaded by scripts/run.sh and by the tests'
/// own fixtures; later modules add their demo records here. The credit codes are synthetic, built with the
/// GB 32100 check algorithm, and belong to no real entity.
/// </summary>
public static class DemoSeed
{
    /// <summary>中共安庆市委组织部 of the demo data: it sets and locks the counties' and parks' 吸纳 targets with the bureau.</summary>
    public static readonly string OrganizationDepartmentCreditCode = CreditCode.Complete("11340800000000105");

    /// <summary>市经信局: decides 三首 recognitions in the demo (FirstProducts:DecidingDepartments in production).</summary>
    public static readonly string EconomyBureauCreditCode = CreditCode.Complete("11340800000000102");

    /// <summary>市市场监管局: keeps the infringer list in the demo (Infringers:RecordingDepartments in production).</summary>
    public static readonly string MarketSupervisionCreditCode = CreditCode.Complete("11340800000000103");

    /// <summary>市地方金融监管局: reads the finance pages in the demo (Finance:RegulatorDepartments in production).</summary>
    public static readonly string FinancialRegulatorCreditCode = CreditCode.Complete("11340800000000104");

    public const string DefaultPassword = "Demo@Anqing2026";
    /// <summary>The demo bureau admin's TOTP key (Base32), printed by scripts/run.sh for an authenticator app. Demo only.</summary>
    public const string BureauAdminTotpKey = "ANQINGDEMOKEY234ANQINGDEMOKEY234";

    public sealed record DemoOrganization(string Key, OrganizationKind Kind, string Name, string RegionCode, string CreditCodeBody,
        OrganizationStatus Status = OrganizationStatus.Active);

    public sealed record DemoUser(string UserName, string DisplayName, string OrganizationKey, string[] Roles, bool OrganizationAdmin);

    public static IReadOnlyList<DemoOrganization> Organizations { get; } =
    [
        new("city", OrganizationKind.MunicipalDepartment, "安庆市人民政府办公室", AnqingRegions.City, "11340800000000101"),
        new("jxj", OrganizationKind.MunicipalDepartment, "安庆市经济和信息化局", AnqingRegions.City, "11340800000000102"),
        new("scjg", OrganizationKind.MunicipalDepartment, "安庆市市场监督管理局", AnqingRegions.City, "11340800000000103"),
        new("jrj", OrganizationKind.MunicipalDepartment, "安庆市地方金融监督管理局", AnqingRegions.City, "11340800000000104"),
        new("zzb", OrganizationKind.MunicipalDepartment, "中共安庆市委组织部", AnqingRegions.City, "11340800000000105"),
        .. AnqingRegions.All.Where(r => r.Kind == RegionKind.County).Select((r, i) =>
            new DemoOrganization("county-" + r.Code, OrganizationKind.CountyGovernment, r.Name + "人民政府", r.Code, $"11{r.Code}00000020{i}")),
        new("jkq", OrganizationKind.ParkCommittee, "安徽安庆经济技术开发区管理委员会", AnqingRegions.EconomicDevelopmentZone, "11340871000000301"),
        new("gxq", OrganizationKind.ParkCommittee, "安庆高新技术产业开发区管理委员会", AnqingRegions.HighTechZone, "11340800000000302"),
        new("aqnu", OrganizationKind.University, "安庆师范大学", "340811", "12340800000000401"),
        new("buct", OrganizationKind.ResearchInstitute, "北京化工大学安庆研究院", AnqingRegions.HighTechZone, "12340800000000402"),
        new("ent-a", OrganizationKind.Enterprise, "安庆华宁新材料科技有限公司", AnqingRegions.Huaining, "91340822MA2N00501"),
        new("ent-b", OrganizationKind.Enterprise, "潜山舒源生物医药有限公司", AnqingRegions.Qianshan, "91340882MA2N00502"),
        new("ent-new", OrganizationKind.Enterprise, "怀宁县皖河智能装备有限公司", AnqingRegions.Huaining, "91340822MA2N00503", OrganizationStatus.Pending),
        new("center", OrganizationKind.ServiceAgency, "安庆市科技成果转化服务中心", AnqingRegions.City, "12340800000000601"),
        new("scene", OrganizationKind.ScenarioCenter, "安庆市应用场景促进中心", AnqingRegions.City, "12340800000000602"),
        new("agency-a", OrganizationKind.TransferAgency, "安庆皖江技术转移中心有限公司", "340802", "91340802MA2N00701"),
        new("bank-a", OrganizationKind.Bank, "安庆示范农商银行科技支行", "340802", "91340802MA2N00801"),
    ];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("bureau", "张科员（市科技局）", "bureau", [PortalRoles.Bureau], false),
        new("bureau.admin", "李管理员（市科技局）", "bureau", [PortalRoles.BureauAdmin], true),
        new("security.admin", "欧阳安全管理员（市科技局）", "bureau", [PortalRoles.SecurityAdmin], false),
        new("auditor", "司马审计员（市科技局）", "bureau", [PortalRoles.Auditor], false),
        new("dept.jxj", "王科长（市经信局）", "jxj", [PortalRoles.Department], true),
        new("dept.zzb", "何处长（市委组织部）", "zzb", [PortalRoles.Department], true),
        new("dept.scj", "罗科长（市市场监管局）", "scjg", [PortalRoles.Department], true),
        new("dept.jrj", "金科长（市地方金融监管局）", "jrj", [PortalRoles.Department], true),
        new("county.huaining", "赵主任（怀宁县科技局）", "county-340822", [PortalRoles.County], true),
        new("county.qianshan", "钱主任（潜山市科技局）", "county-340882", [PortalRoles.County], true),
        new("park.jkq", "孙主任（经开区）", "jkq", [PortalRoles.Park], true),
        new("park.gxq", "周主任（高新区）", "gxq", [PortalRoles.Park], true),
        new("univ.aqnu", "吴老师（安庆师范大学）", "aqnu", [PortalRoles.University], true),
        new("univ.buct", "郑老师（北化工安庆研究院）", "buct", [PortalRoles.University], true),
        new("ent.a", "冯经理（华宁新材料）", "ent-a", [PortalRoles.Enterprise], true),
        new("ent.b", "陈经理（舒源生物）", "ent-b", [PortalRoles.Enterprise], true),
        new("ent.new", "褚经理（皖河智能，待审核）", "ent-new", [PortalRoles.Enterprise], true),
        new("expert.a", "卫教授（评审专家）", "aqnu", [PortalRoles.Expert], false),
        new("expert.b", "蒋研究员（评审专家）", "buct", [PortalRoles.Expert], false),
        new("registrar.city", "沈登记员（市登记点）", "center", [PortalRoles.Registrar], false),
        new("registrar.gxq", "韩登记员（高新区登记点）", "gxq", [PortalRoles.Registrar], false),
        new("agency.a", "杨经理（皖江技术转移）", "agency-a", [PortalRoles.Agency], true),
        new("scene.center", "汪主任（场景促进中心）", "scene", [PortalRoles.Agency], true),
        new("bank.a", "朱经理（科技支行）", "bank-a", [PortalRoles.Bank], true),
        new("leader.city", "秦市长（市领导）", "city", [PortalRoles.Leader], false),
        new("leader.huaining", "尤县长（怀宁县领导）", "county-340822", [PortalRoles.Leader], false),
    ];

    public static async Task RunAsync(IServiceProvider services, string password)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync("bureau") is not null)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var ids = new Dictionary<string, Guid>
        {
            ["bureau"] = (await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.MunicipalBureau)).Id,
        };
        foreach (var o in Organizations)
        {
            var organization = Organization.Create(o.Kind, o.Name, CreditCode.Complete(o.CreditCodeBody), o.RegionCode, now, o.Status,
                "安徽省安庆市" + AnqingRegions.NameOf(o.RegionCode), "联系人", "0556-5500000");
            db.Organizations.Add(organization);
            ids[o.Key] = organization.Id;
        }

        await db.SaveChangesAsync();

        var userIds = new Dictionary<string, Guid>();
        foreach (var u in Users)
        {
            var user = new PortalUser
            {
                UserName = u.UserName,
                DisplayName = u.DisplayName,
                OrganizationId = ids[u.OrganizationKey],
                IsOrganizationAdmin = u.OrganizationAdmin,
                PasswordChangedAt = now,
                CreatedAt = now,
            };
            ReferenceSeed.Require(await users.CreateAsync(user, password));
            ReferenceSeed.Require(await users.AddToRolesAsync(user, u.Roles));
            userIds[u.UserName] = user.Id;
            if (u.Roles.Any(PortalRoles.Administrators.Contains))
            {
                ReferenceSeed.Require(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", BureauAdminTotpKey));
                ReferenceSeed.Require(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }

        await DemoContractSeed.RunAsync(db, ids, userIds, now);
        await DemoQualificationSeed.RunAsync(db, ids, now);
        await DemoTargetSeed.RunAsync(db, now);
        await DemoExpertSeed.RunAsync(db, services.GetRequiredService<Features.Experts.PersonalDataProtector>(), userIds, now);
        await DemoProjectSeed.RunAsync(db, services.GetRequiredService<Features.Experts.PersonalDataProtector>(), ids, userIds, now);
        await DemoMarketSeed.RunAsync(db, ids, now);
        await DemoCarrierSeed.RunAsync(db, ids, now);
        await DemoScenarioSeed.RunAsync(db, ids, now);
        await PlanMeasureSeed.RunAsync(db, now);
        await DemoSupervisionSeed.RunAsync(db, ids, now);
    }
}

using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Domain.Identity;

/// <summary>How far a role lets its holder read.</summary>
public enum RoleReach
{
    /// <summary>Records of the holder's own organization.</summary>
    Organization = 1,
    /// <summary>Records addressed to the holder beyond their organization (an expert's reviews, a registrar's point).</summary>
    Duty = 2,
    /// <summary>Records of one county or park.</summary>
    Region = 3,
    /// <summary>The whole city.</summary>
    City = 4,
}

/// <summary>Who hands a role out.</summary>
public enum Granter
{
    /// <summary>The organization's own admin (or the bureau's system administrator).</summary>
    OrganizationAdmin = 1,
    /// <summary>Only the bureau's system administrator: a duty the bureau assigns or a reach wider than any organization's.</summary>
    BureauSystemAdmin = 2,
}

/// <summary>One row of the grant table: a role, the kinds of organization whose users may hold it, who grants it, what it reaches.</summary>
public sealed record RoleGrant(string Role, IReadOnlyList<OrganizationKind> Kinds, Granter Granter, RoleReach Reach, string Note);

/// <summary>The one who grants: the bureau's system administrator, or an organization admin of one organization.</summary>
public sealed record GrantingActor(bool IsSystemAdmin, bool IsOrganizationAdmin, Guid OrganizationId, OrganizationKind? OrganizationKind, string RegionCode);

/// <summary>The account a role is granted to (or taken from).</summary>
public sealed record GrantTarget(Guid OrganizationId, OrganizationKind OrganizationKind, string RegionCode);

/// <summary>
/// Who may grant each role (issue 20). The rule behind the table: nobody grants a reach wider than their own. City-scope
/// roles and the three administrators are granted only by the bureau's system administrator; duties that reach beyond one's
/// organization (expert, registrar, a city leader) are the bureau's to assign; a county's or park's admin gives its own staff
/// County/Park and Leader of its own region. Unit-tested as a table in RoleGrantTests.
/// </summary>
public static class RoleGrants
{
    private static readonly OrganizationKind[] Local = [OrganizationKind.CountyGovernment, OrganizationKind.ParkCommittee];

    public static readonly IReadOnlyList<RoleGrant> Table =
    [
        new(PortalRoles.Bureau, [OrganizationKind.MunicipalBureau], Granter.BureauSystemAdmin, RoleReach.City, "市科技局业务人员，全市范围"),
        new(PortalRoles.BureauAdmin, [OrganizationKind.MunicipalBureau], Granter.BureauSystemAdmin, RoleReach.City, "三权分立之一"),
        new(PortalRoles.SecurityAdmin, [OrganizationKind.MunicipalBureau], Granter.BureauSystemAdmin, RoleReach.City, "三权分立之一"),
        new(PortalRoles.Auditor, [OrganizationKind.MunicipalBureau], Granter.BureauSystemAdmin, RoleReach.City, "三权分立之一"),
        new(PortalRoles.Department, [OrganizationKind.MunicipalDepartment], Granter.OrganizationAdmin, RoleReach.Organization, "本部门工作人员"),
        new(PortalRoles.County, [OrganizationKind.CountyGovernment], Granter.OrganizationAdmin, RoleReach.Region, "本县（市、区）工作人员"),
        new(PortalRoles.Park, [OrganizationKind.ParkCommittee], Granter.OrganizationAdmin, RoleReach.Region, "本园区工作人员"),
        new(PortalRoles.University, [OrganizationKind.University, OrganizationKind.ResearchInstitute], Granter.OrganizationAdmin, RoleReach.Organization, "本单位工作人员"),
        new(PortalRoles.Enterprise, [OrganizationKind.Enterprise], Granter.OrganizationAdmin, RoleReach.Organization, "本企业工作人员"),
        new(PortalRoles.Agency, [OrganizationKind.TransferAgency, OrganizationKind.ServiceAgency, OrganizationKind.ScenarioCenter], Granter.OrganizationAdmin, RoleReach.Organization, "本机构工作人员"),
        new(PortalRoles.Bank, [OrganizationKind.Bank], Granter.OrganizationAdmin, RoleReach.Organization, "本机构工作人员"),
        new(PortalRoles.Expert,
            [OrganizationKind.University, OrganizationKind.ResearchInstitute, OrganizationKind.Enterprise, OrganizationKind.TransferAgency,
             OrganizationKind.ServiceAgency, OrganizationKind.Bank, OrganizationKind.MunicipalDepartment],
            Granter.BureauSystemAdmin, RoleReach.Duty, "入选市科技局专家库，由市科技局指派"),
        new(PortalRoles.Registrar,
            [OrganizationKind.MunicipalBureau, OrganizationKind.CountyGovernment, OrganizationKind.ParkCommittee, OrganizationKind.TransferAgency,
             OrganizationKind.ServiceAgency],
            Granter.BureauSystemAdmin, RoleReach.Duty, "技术合同登记点登记员，由市科技局指派"),
        // A Leader's grant depends on the region: see Reach/GranterOf. The row lists where leaders sit.
        new(PortalRoles.Leader,
            [OrganizationKind.MunicipalBureau, OrganizationKind.MunicipalDepartment, OrganizationKind.CountyGovernment, OrganizationKind.ParkCommittee],
            Granter.OrganizationAdmin, RoleReach.Region, "市领导由市科技局指派（全市范围）；县区、园区领导由本级政府指定（本区域）"),
    ];

    public static RoleGrant? RowOf(string role) => Table.FirstOrDefault(r => r.Role == role);

    /// <summary>The reach a role gives to a user of the target organization (a Leader's depends on its region).</summary>
    public static RoleReach ReachOf(string role, GrantTarget target) =>
        role == PortalRoles.Leader
            ? target.RegionCode == AnqingRegions.City ? RoleReach.City : RoleReach.Region
            : RowOf(role)?.Reach ?? RoleReach.City;

    /// <summary>Who grants the role to a user of the target organization.</summary>
    public static Granter GranterOf(string role, GrantTarget target) =>
        role == PortalRoles.Leader
            ? target.RegionCode != AnqingRegions.City && Local.Contains(target.OrganizationKind) ? Granter.OrganizationAdmin : Granter.BureauSystemAdmin
            : RowOf(role)?.Granter ?? Granter.BureauSystemAdmin;

    /// <summary>A duty reaches beyond the holder's organization and is given by the bureau: an organization admin cannot manage its holder.</summary>
    public static bool IsBureauDuty(string role, GrantTarget target) => GranterOf(role, target) == Granter.BureauSystemAdmin;

    /// <summary>The roles that may be offered to the granter for a user of the target organization.</summary>
    public static IReadOnlyList<string> GrantableBy(GrantingActor granter, GrantTarget target) =>
        PortalRoles.All.Where(r => Check(granter, r, target) is null).ToList();

    /// <summary>Null when the granter may give (or take away) the role; otherwise the reason, in Chinese.</summary>
    public static string? Check(GrantingActor granter, string role, GrantTarget target)
    {
        var row = RowOf(role);
        if (row is null)
        {
            return "没有该角色";
        }

        if (!row.Kinds.Contains(target.OrganizationKind))
        {
            return $"“{PortalRoles.DisplayName(role)}”不适用于{target.OrganizationKind.DisplayName()}的用户";
        }

        if (granter.IsSystemAdmin)
        {
            return null;
        }

        if (!granter.IsOrganizationAdmin || granter.OrganizationId != target.OrganizationId)
        {
            return "只能为本单位用户分配角色";
        }

        if (GranterOf(role, target) == Granter.BureauSystemAdmin)
        {
            return ReachOf(role, target) == RoleReach.Duty || PortalRoles.Administrators.Contains(role) || role == PortalRoles.Leader
                ? $"“{PortalRoles.DisplayName(role)}”是市科技局指派的职责，须由市科技局系统管理员分配"
                : $"“{PortalRoles.DisplayName(role)}”的范围超出本单位，须由市科技局系统管理员分配";
        }

        return null;
    }

    /// <summary>
    /// An organization admin manages (resets, disables, enables, changes the roles of) an account only when it could have
    /// granted every role the account holds; duty holders are the bureau's system administrator's.
    /// </summary>
    public static string? CheckManage(GrantingActor granter, GrantTarget target, IReadOnlyCollection<string> targetRoles)
    {
        if (granter.IsSystemAdmin)
        {
            return null;
        }

        if (!granter.IsOrganizationAdmin || granter.OrganizationId != target.OrganizationId)
        {
            return "只能管理本单位的用户";
        }

        var duty = targetRoles.FirstOrDefault(r => GranterOf(r, target) == Granter.BureauSystemAdmin);
        return duty is null ? null : $"该用户承担“{PortalRoles.DisplayName(duty)}”职责，由市科技局系统管理员管理";
    }

    /// <summary>三权分立: the system, security and audit administrator are three different people.</summary>
    public static string? CheckSeparation(IReadOnlyCollection<string> roles)
    {
        var admins = roles.Where(PortalRoles.Administrators.Contains).Distinct().ToList();
        return admins.Count > 1
            ? $"三权分立：{string.Join("、", admins.Select(PortalRoles.DisplayName))}不能由同一账户担任"
            : null;
    }
}

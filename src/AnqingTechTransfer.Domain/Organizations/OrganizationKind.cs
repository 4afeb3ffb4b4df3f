namespace AnqingTechTransfer.Domain.Organizations;

public enum OrganizationKind
{
    MunicipalBureau = 1,
    MunicipalDepartment = 2,
    CountyGovernment = 3,
    ParkCommittee = 4,
    University = 5,
    ResearchInstitute = 6,
    Enterprise = 7,
    TransferAgency = 8,
    ServiceAgency = 9,
    Bank = 10,

    /// <summary>场景促进中心 (the plan's 推动有条件的地区建立场景促进中心): runs 场景挖掘、策划 for every county and park. Created by the bureau.</summary>
    ScenarioCenter = 11,
}

public static class OrganizationKinds
{
    public static string DisplayName(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.MunicipalBureau => "市科技局",
        OrganizationKind.MunicipalDepartment => "市直部门",
        OrganizationKind.CountyGovernment => "县（市、区）政府",
        OrganizationKind.ParkCommittee => "园区管委会",
        OrganizationKind.University => "高等院校",
        OrganizationKind.ResearchInstitute => "科研院所",
        OrganizationKind.Enterprise => "企业",
        OrganizationKind.TransferAgency => "技术转移机构",
        OrganizationKind.ServiceAgency => "科技服务机构",
        OrganizationKind.Bank => "银行及担保机构",
        OrganizationKind.ScenarioCenter => "场景促进中心",
        _ => kind.ToString(),
    };

    /// <summary>Kinds that may register themselves at /account/register; the others are created by the bureau.</summary>
    public static readonly IReadOnlyList<OrganizationKind> SelfRegistering =
    [
        OrganizationKind.Enterprise, OrganizationKind.University, OrganizationKind.ResearchInstitute,
        OrganizationKind.TransferAgency, OrganizationKind.ServiceAgency, OrganizationKind.Bank,
    ];

    /// <summary>The role the first user of a self-registered organization receives.</summary>
    public static string DefaultRole(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.MunicipalBureau => PortalRoles.Bureau,
        OrganizationKind.MunicipalDepartment => PortalRoles.Department,
        OrganizationKind.CountyGovernment => PortalRoles.County,
        OrganizationKind.ParkCommittee => PortalRoles.Park,
        OrganizationKind.University or OrganizationKind.ResearchInstitute => PortalRoles.University,
        OrganizationKind.Enterprise => PortalRoles.Enterprise,
        OrganizationKind.TransferAgency or OrganizationKind.ServiceAgency or OrganizationKind.ScenarioCenter => PortalRoles.Agency,
        OrganizationKind.Bank => PortalRoles.Bank,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Roles an organization admin may give to users of an organization of this kind.</summary>
    public static IReadOnlyList<string> AssignableRoles(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.MunicipalBureau => [PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.Leader, PortalRoles.Registrar, PortalRoles.Auditor, PortalRoles.SecurityAdmin],
        OrganizationKind.MunicipalDepartment => [PortalRoles.Department, PortalRoles.Leader],
        OrganizationKind.CountyGovernment or OrganizationKind.ParkCommittee => [kind.DefaultRole(), PortalRoles.Leader, PortalRoles.Registrar],
        OrganizationKind.University or OrganizationKind.ResearchInstitute => [PortalRoles.University, PortalRoles.Expert],
        OrganizationKind.Enterprise => [PortalRoles.Enterprise, PortalRoles.Expert],
        OrganizationKind.ServiceAgency or OrganizationKind.TransferAgency => [PortalRoles.Agency, PortalRoles.Registrar, PortalRoles.Expert],
        _ => [kind.DefaultRole()],
    };
}

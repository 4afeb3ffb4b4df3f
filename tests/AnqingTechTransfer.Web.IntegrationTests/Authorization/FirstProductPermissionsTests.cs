using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Features.Finance.FirstProducts;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>三首产品: actor × operation × application (the applicant's region) → allowed; the deciding department by its credit code.</summary>
public class FirstProductPermissionsTests
{
    private const string Jxj = "11340800000000102X";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static FirstProductPermissions For(ICurrentActor actor, string? ownCreditCode = null, params string[] deciding) =>
        new(actor, Duty(actor, ownCreditCode), Options.Create(new FirstProductOptions { DecidingDepartments = [.. deciding] }));

    private static FirstProductApplication ApplicationFrom(string region) => FirstProductApplication.Submit(Other, "某装备公司", "91340822MA2N00501X", region,
        FirstKind.Equipment, "智能分拣机", "ZF-1", "分拣效率≥3000件/小时", new DateOnly(2026, 3, 1), "首购单位", "查新2026-01", string.Empty, string.Empty,
        new DateOnly(2026, 6, 1), Now);

    [Theory]
    [InlineData(PortalRoles.County, "Active", Huaining, true)]
    [InlineData(PortalRoles.County, "Active", Qianshan, false)]
    [InlineData(PortalRoles.County, "Suspended", Huaining, false)]
    [InlineData(PortalRoles.County, "Pending", Huaining, false)]
    [InlineData(PortalRoles.Park, "Active", Huaining, true)]
    [InlineData(PortalRoles.Bureau, "Active", Huaining, false)]
    [InlineData(PortalRoles.Department, "Active", Huaining, false)]
    [InlineData(PortalRoles.Enterprise, "Active", Huaining, false)]
    [InlineData(PortalRoles.Leader, "Active", Huaining, false)]
    public void Screening_is_for_the_county_or_park_of_the_applicant(string role, string status, string applicantRegion, bool allowed) =>
        For(Of(role, Status(status))).Allows(FirstProductPermissions.Screen, ApplicationFrom(applicantRegion)).Should().Be(allowed);

    [Theory]
    // role, status → applies, screens, purchases, reads applications
    [InlineData(PortalRoles.Enterprise, "Active", true, false, true, true)]
    [InlineData(PortalRoles.Enterprise, "Pending", false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Suspended", false, false, false, false)]
    [InlineData(PortalRoles.County, "Active", false, true, true, true)]
    [InlineData(PortalRoles.Park, "Suspended", false, false, false, false)]
    [InlineData(PortalRoles.Bureau, "Active", false, false, true, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, false, false, false)]
    [InlineData(PortalRoles.Department, "Active", false, false, true, false)]
    [InlineData(PortalRoles.Department, "Suspended", false, false, false, false)]
    [InlineData(PortalRoles.University, "Active", false, false, false, false)]
    [InlineData(PortalRoles.Bank, "Active", false, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", false, false, false, false)]
    public async Task Page_rights(string role, string status, bool applies, bool screens, bool purchases, bool readsApplications)
    {
        var permissions = For(Of(role, Status(status)), "91340800MA2N00000X", Jxj);
        permissions.Applies.Should().Be(applies);
        permissions.Screens.Should().Be(screens);
        permissions.Purchases.Should().Be(purchases);
        (await permissions.ReadsApplicationsAsync(CancellationToken.None)).Should().Be(readsApplications);
    }

    [Theory]
    [InlineData(PortalRoles.Department, "Active", Jxj, true)]
    [InlineData(PortalRoles.Department, "Suspended", Jxj, false)]
    [InlineData(PortalRoles.Department, "Pending", Jxj, false)]
    [InlineData(PortalRoles.Department, "Active", "11340800000000105X", false)]
    [InlineData(PortalRoles.Department, "Active", null, false)]
    [InlineData(PortalRoles.Bureau, "Active", Jxj, false)]
    [InlineData(PortalRoles.Leader, "Active", Jxj, false)]
    public async Task The_deciding_department_is_known_by_its_credit_code(string role, string status, string? ownCode, bool decides)
    {
        var permissions = For(Of(role, Status(status)), ownCode, Jxj);
        (await permissions.DecidesAsync(CancellationToken.None)).Should().Be(decides);
        if (decides)
        {
            (await permissions.ReadsApplicationsAsync(CancellationToken.None)).Should().BeTrue();
        }
    }

    [Fact]
    public async Task Without_a_configured_department_nobody_decides() =>
        (await For(Of(PortalRoles.Department), Jxj).DecidesAsync(CancellationToken.None)).Should().BeFalse();
}

using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Targets;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>驾驶舱 and 目标管理: actor × scope asked → scope opened; actor → sets targets.</summary>
public class TargetPermissionsTests
{
    private const string Zzb = "11340800000000105X";
    private const string City = AnqingRegions.City;

    private static TargetPermissions For(ICurrentActor actor, string? ownCreditCode = null) =>
        new(actor, Duty(actor, ownCreditCode), Options.Create(new TargetOptions { AssessingDepartments = [Zzb] }));

    [Theory]
    // role, status, the actor's region → sees the city, sees its own region, chooses among all scopes
    [InlineData(PortalRoles.Bureau, "Active", City, true, false, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", City, false, false, false)]
    [InlineData(PortalRoles.Department, "Active", City, true, false, true)]
    [InlineData(PortalRoles.Department, "Pending", City, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", City, true, false, true)]
    [InlineData(PortalRoles.Leader, "Suspended", City, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", Huaining, false, true, false)]
    [InlineData(PortalRoles.Leader, "Suspended", Huaining, false, false, false)]
    [InlineData(PortalRoles.County, "Active", Huaining, false, true, false)]
    [InlineData(PortalRoles.County, "Pending", Huaining, false, false, false)]
    [InlineData(PortalRoles.Park, "Active", AnqingRegions.HighTechZone, false, true, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", City, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", Huaining, false, false, false)]
    [InlineData(PortalRoles.University, "Active", Huaining, false, false, false)]
    [InlineData(PortalRoles.Registrar, "Active", Huaining, false, false, false)]
    public void Views(string role, string status, string region, bool seesCity, bool seesOwnRegion, bool choosesRegion)
    {
        var permissions = For(Of(role, Status(status), region));
        permissions.SeesCity.Should().Be(seesCity);
        permissions.SeesOwnRegion.Should().Be(seesOwnRegion);
        permissions.CanView.Should().Be(seesCity || seesOwnRegion);
        permissions.ChoosesRegion.Should().Be(choosesRegion);
    }

    [Theory]
    // role, the actor's region, the scope asked ("" for none) → the scope opened ("" for none: answered 404)
    [InlineData(PortalRoles.Bureau, City, "", City)]
    [InlineData(PortalRoles.Bureau, City, Qianshan, Qianshan)]
    [InlineData(PortalRoles.Bureau, City, "999999", "")]
    [InlineData(PortalRoles.Leader, City, Huaining, Huaining)]
    [InlineData(PortalRoles.County, Huaining, "", Huaining)]
    [InlineData(PortalRoles.County, Huaining, Huaining, Huaining)]
    [InlineData(PortalRoles.County, Huaining, Qianshan, "")]
    [InlineData(PortalRoles.County, Huaining, City, "")]
    [InlineData(PortalRoles.Leader, Huaining, Qianshan, "")]
    public void Scopes(string role, string region, string asked, string opened) =>
        (For(Of(role, region: region)).Resolve(asked == string.Empty ? null : asked) ?? string.Empty).Should().Be(opened);

    [Theory]
    [InlineData(PortalRoles.Bureau, "Active", null, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", null, false)]
    [InlineData(PortalRoles.Department, "Active", Zzb, true)]
    [InlineData(PortalRoles.Department, "Suspended", Zzb, false)]
    [InlineData(PortalRoles.Department, "Active", "11340800000000102X", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", null, false)]
    [InlineData(PortalRoles.County, "Active", null, false)]
    [InlineData(PortalRoles.Leader, "Active", null, false)]
    public async Task Setting_targets(string role, string status, string? ownCreditCode, bool sets) =>
        (await For(Of(role, Status(status), City), ownCreditCode).SetsTargetsAsync(CancellationToken.None)).Should().Be(sets);
}

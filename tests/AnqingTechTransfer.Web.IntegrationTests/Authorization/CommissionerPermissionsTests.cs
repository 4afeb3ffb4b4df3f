using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Market.Commissioners;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>
/// 科技服务专员: who reads, registers and keeps which commissioners, as tables, without HTTP. "Lead" is a Department user
/// whose credit code is configured as the 工业互联网服务专员's lead (市经信局); the lookup by credit code is tested over HTTP.
/// </summary>
public class CommissionerPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;
    private const string Lead = "Lead";

    private static CommissionerPermissions For(string role, OrganizationStatus status = Active) => role == Lead
        ? new CommissionerPermissions(Of(PortalRoles.Department, status, AnqingRegions.City), holdsLeadDuty: true)
        : new CommissionerPermissions(Of(role, status), holdsLeadDuty: false);

    [Theory]
    //                                         reads  cityWide anyKind mayRegister leads
    [InlineData(PortalRoles.Bureau, Active, true, false, true, true, false)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false, false, false)]
    [InlineData(PortalRoles.County, Active, true, false, true, true, false)]
    [InlineData(PortalRoles.Park, Active, true, false, true, true, false)]
    [InlineData(PortalRoles.Park, Pending, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, Active, true, false, false, false, false)]
    [InlineData(PortalRoles.Department, Active, true, true, false, false, false)]
    [InlineData(PortalRoles.Department, Suspended, false, false, false, false, false)]
    [InlineData(Lead, Active, true, true, false, true, true)]
    [InlineData(Lead, Suspended, false, false, false, false, false)]
    [InlineData(Lead, Pending, false, false, false, false, false)]
    [InlineData(PortalRoles.BureauAdmin, Active, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, false, false, false, false, false)]
    public void Page_rights(string role, OrganizationStatus status, bool reads, bool readsCityWide, bool managesAnyKind, bool mayRegister, bool leads)
    {
        var p = For(role, status);

        (p.Reads, p.ReadsCityWide, p.ManagesAnyKind, p.MayRegister, p.LeadsIndustrialInternet).Should().Be((reads, readsCityWide, managesAnyKind, mayRegister, leads));
    }

    [Theory]
    [InlineData(PortalRoles.Bureau, "Intelligence,DualChain,Special,IndustrialInternet")]
    [InlineData(PortalRoles.County, "Intelligence,DualChain,Special,IndustrialInternet")]
    [InlineData(Lead, "IndustrialInternet")]
    [InlineData(PortalRoles.Department, "")]
    [InlineData(PortalRoles.Leader, "")]
    public void Registrable_kinds(string role, string kinds) =>
        string.Join(',', For(role).RegistrableKinds).Should().Be(kinds);

    public enum Whose { Own, Others }

    [Theory]
    // Registering: any kind for those who keep commissioners; the lead department its kind only.
    [InlineData(Lead, Active, "Register", CommissionerKind.IndustrialInternet, Whose.Own, true)]
    [InlineData(Lead, Active, "Register", CommissionerKind.DualChain, Whose.Own, false)]
    [InlineData(Lead, Active, "Register", CommissionerKind.Intelligence, Whose.Own, false)]
    [InlineData(Lead, Suspended, "Register", CommissionerKind.IndustrialInternet, Whose.Own, false)]
    [InlineData(PortalRoles.Department, Active, "Register", CommissionerKind.IndustrialInternet, Whose.Own, false)]
    [InlineData(PortalRoles.County, Active, "Register", CommissionerKind.IndustrialInternet, Whose.Own, true)]
    [InlineData(PortalRoles.County, Active, "Register", CommissionerKind.DualChain, Whose.Own, true)]
    [InlineData(PortalRoles.County, Suspended, "Register", CommissionerKind.DualChain, Whose.Own, false)]
    [InlineData(PortalRoles.Leader, Active, "Register", CommissionerKind.DualChain, Whose.Own, false)]
    // Keeping (assignments, service logs): the registering organization; the bureau any; the lead department its kind.
    [InlineData(PortalRoles.Bureau, Active, "Edit", CommissionerKind.DualChain, Whose.Others, true)]
    [InlineData(PortalRoles.Bureau, Pending, "Edit", CommissionerKind.DualChain, Whose.Others, false)]
    [InlineData(PortalRoles.County, Active, "Edit", CommissionerKind.DualChain, Whose.Own, true)]
    [InlineData(PortalRoles.County, Active, "Edit", CommissionerKind.DualChain, Whose.Others, false)]
    [InlineData(PortalRoles.Park, Suspended, "Edit", CommissionerKind.Intelligence, Whose.Own, false)]
    [InlineData(Lead, Active, "Edit", CommissionerKind.IndustrialInternet, Whose.Own, true)]
    [InlineData(Lead, Active, "Edit", CommissionerKind.IndustrialInternet, Whose.Others, true)]
    [InlineData(Lead, Active, "Edit", CommissionerKind.DualChain, Whose.Own, false)]
    [InlineData(Lead, Active, "Edit", CommissionerKind.Special, Whose.Others, false)]
    [InlineData(Lead, Suspended, "Edit", CommissionerKind.IndustrialInternet, Whose.Own, false)]
    [InlineData(PortalRoles.Department, Active, "Edit", CommissionerKind.IndustrialInternet, Whose.Own, false)]
    [InlineData(PortalRoles.Leader, Active, "Edit", CommissionerKind.DualChain, Whose.Own, false)]
    public void Commissioners(string role, OrganizationStatus status, string operation, CommissionerKind kind, Whose whose, bool allowed)
    {
        var commissioner = TestRecords.Make<Commissioner>(("OrganizationId", whose == Whose.Own ? OwnOrganization : OtherOrganization), ("Kind", kind),
            ("RegionCode", AnqingRegions.Huaining));
        var op = operation == "Register" ? CommissionerPermissions.Register : CommissionerPermissions.Edit;

        For(role, status).Allows(op, commissioner).Should().Be(allowed);
    }

    [Fact]
    public async Task Only_a_department_leads_whatever_the_duty_lookup_says()
    {
        var county = new CommissionerPermissions(Of(PortalRoles.County), holdsLeadDuty: true);
        (await county.LoadAsync(CancellationToken.None)).LeadsIndustrialInternet.Should().BeFalse("the duty is a department's");
    }
}

using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Contracts;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>Contracts, as a table without HTTP: who files, who decides, and the registrar who never decides its own organization's.</summary>
public class ContractPermissionsTests
{
    private static readonly Guid Point = Guid.Parse("00000000-0000-0000-0000-0000000000e5");
    private static readonly Guid OtherPoint = Guid.Parse("00000000-0000-0000-0000-0000000000f6");

    /// <summary>A contract at <see cref="Point"/>; "own" puts the actor's organization on it in the named part.</summary>
    private static TechContract Contract(string own = "none") => TestRecords.Make<TechContract>(
        ("FilerOrganizationId", own == "filer" ? TestActors.OwnOrganization : TestActors.OtherOrganization),
        ("SellerOrganizationId", own == "seller" ? TestActors.OwnOrganization : (Guid?)Guid.NewGuid()),
        ("BuyerOrganizationId", own == "buyer" ? TestActors.OwnOrganization : (Guid?)null),
        ("BrokerOrganizationId", own == "broker" ? TestActors.OwnOrganization : (Guid?)null),
        ("RegistrationPointId", Point));

    [Theory]
    // role, status, own part, points, operation, allowed
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Active, "filer", false, "ContractFile", true)]
    [InlineData(PortalRoles.University, OrganizationStatus.Active, "filer", false, "ContractFile", true)]
    [InlineData(PortalRoles.Agency, OrganizationStatus.Active, "filer", false, "ContractFile", true)]
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Suspended, "filer", false, "ContractFile", false)]
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Pending, "filer", false, "ContractFile", false)]
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Active, "seller", false, "ContractFile", false)]
    [InlineData(PortalRoles.Bank, OrganizationStatus.Active, "filer", false, "ContractFile", false)]
    [InlineData(PortalRoles.Bureau, OrganizationStatus.Active, "none", false, "ContractDecide", true)]
    [InlineData(PortalRoles.Bureau, OrganizationStatus.Suspended, "none", false, "ContractDecide", false)]
    [InlineData(PortalRoles.BureauAdmin, OrganizationStatus.Active, "none", false, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "none", true, "ContractDecide", true)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "none", false, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Suspended, "none", true, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "filer", true, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "seller", true, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "buyer", true, "ContractDecide", false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, "broker", true, "ContractDecide", false)]
    [InlineData(PortalRoles.County, OrganizationStatus.Active, "none", false, "ContractDecide", false)]
    [InlineData(PortalRoles.Leader, OrganizationStatus.Active, "none", false, "ContractDecide", false)]
    public void Who_files_and_who_decides(string role, OrganizationStatus status, string own, bool atPoint, string operation, bool allowed)
    {
        var actor = TestActors.Of(role, status, points: atPoint ? [Point] : [OtherPoint]);
        var permissions = new ContractPermissions(actor);
        var requirement = operation == "ContractFile" ? ContractPermissions.File : ContractPermissions.Decide;
        permissions.Allows(requirement, Contract(own)).Should().Be(allowed);
    }

    [Theory]
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Active, true, false, false)]
    [InlineData(PortalRoles.Enterprise, OrganizationStatus.Pending, false, false, false)]
    [InlineData(PortalRoles.Registrar, OrganizationStatus.Active, false, true, false)]
    [InlineData(PortalRoles.Bureau, OrganizationStatus.Active, false, true, true)]
    [InlineData(PortalRoles.BureauAdmin, OrganizationStatus.Active, false, false, true)]
    [InlineData(PortalRoles.Bureau, OrganizationStatus.Suspended, false, false, false)]
    public void Page_rights(string role, OrganizationStatus status, bool files, bool seesQueue, bool imports)
    {
        var permissions = new ContractPermissions(TestActors.Of(role, status, points: [Point]));
        permissions.MayFile.Should().Be(files);
        permissions.SeesQueue.Should().Be(seesQueue);
        permissions.Imports.Should().Be(imports);
    }
}

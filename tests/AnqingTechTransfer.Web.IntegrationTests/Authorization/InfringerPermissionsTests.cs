using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Features.Supervision.Infringers;
using Microsoft.Extensions.Options;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>侵权企业名录: actor (with its organization's credit code) → records, reads the whole list.</summary>
public class InfringerPermissionsTests
{
    private const string Scj = "11340800000000103X";

    [Theory]
    // role, status, own credit code → records, reads all
    [InlineData(PortalRoles.Department, "Active", Scj, true, true)]
    [InlineData(PortalRoles.Department, "Suspended", Scj, false, false)]
    [InlineData(PortalRoles.Department, "Pending", Scj, false, false)]
    [InlineData(PortalRoles.Department, "Active", "11340800000000102X", false, false)]
    [InlineData(PortalRoles.Bureau, "Active", null, false, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", null, false, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", null, false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", Scj, false, false)]
    [InlineData(PortalRoles.County, "Active", null, false, false)]
    public async Task Rights(string role, string status, string? ownCreditCode, bool records, bool readsAll)
    {
        var actor = Of(role, Status(status));
        var permissions = new InfringerPermissions(actor, Duty(actor, ownCreditCode), Options.Create(new InfringerOptions { RecordingDepartments = [Scj] }));
        (await permissions.RecordsAsync(CancellationToken.None)).Should().Be(records);
        (await permissions.ReadsAllAsync(CancellationToken.None)).Should().Be(readsAll);
    }
}

using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Tests;

public class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Organization Pending(string code = "91340822MA2N00028G") =>
        Organization.Create(OrganizationKind.Enterprise, " 安庆测试有限公司 ", code, "340822", Now);

    [Fact]
    public void A_registration_starts_pending_and_approval_makes_it_active()
    {
        var organization = Pending();
        organization.Status.Should().Be(OrganizationStatus.Pending);
        organization.Name.Should().Be("安庆测试有限公司");
        var reviewer = Guid.NewGuid();
        organization.Approve(reviewer, Now);
        organization.Status.Should().Be(OrganizationStatus.Active);
        organization.ReviewedByUserId.Should().Be(reviewer);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_rejected_applicant_can_resubmit()
    {
        var organization = Pending();
        var noReason = () => organization.Reject(Guid.NewGuid(), "  ", Now);
        noReason.Should().Throw<DomainException>().WithMessage("请填写不予通过的理由");
        organization.Reject(Guid.NewGuid(), "材料不全", Now);
        organization.Status.Should().Be(OrganizationStatus.Rejected);
        organization.StatusReason.Should().Be("材料不全");
        organization.Resubmit();
        organization.Status.Should().Be(OrganizationStatus.Pending);
    }

    [Fact]
    public void Only_pending_registrations_are_decided()
    {
        var organization = Pending();
        organization.Approve(Guid.NewGuid(), Now);
        var again = () => organization.Approve(Guid.NewGuid(), Now);
        again.Should().Throw<DomainException>();
        var reject = () => organization.Reject(Guid.NewGuid(), "x", Now);
        reject.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_code_with_a_wrong_check_character_blocks_approval_until_an_admin_overrides()
    {
        var organization = Pending("91340822MA2N00028A");
        organization.HasChecksumWarning.Should().BeTrue();
        var approve = () => organization.Approve(Guid.NewGuid(), Now);
        approve.Should().Throw<DomainException>().Which.Field.Should().Be("CreditCode");
        organization.OverrideChecksumWarning();
        organization.Approve(Guid.NewGuid(), Now);
        organization.Status.Should().Be(OrganizationStatus.Active);
    }

    [Fact]
    public void Changing_the_code_withdraws_an_earlier_override()
    {
        var organization = Pending("91340822MA2N00028A");
        organization.OverrideChecksumWarning();
        organization.SetDetails("安庆测试有限公司", "91340822MA2N00028B", "340822", null, null, null);
        organization.CreditCodeChecksumOverridden.Should().BeFalse();
    }

    [Fact]
    public void A_malformed_code_is_refused()
    {
        var create = () => Pending("ABC");
        create.Should().Throw<DomainException>().Which.Field.Should().Be("CreditCode");
    }

    [Fact]
    public void Suspension_needs_a_reason_and_can_be_lifted()
    {
        var organization = Pending();
        organization.Approve(Guid.NewGuid(), Now);
        var noReason = () => organization.Suspend("");
        noReason.Should().Throw<DomainException>();
        organization.Suspend("违规");
        organization.Status.Should().Be(OrganizationStatus.Suspended);
        organization.Reactivate();
        organization.Status.Should().Be(OrganizationStatus.Active);
    }

    [Theory]
    [InlineData(OrganizationKind.Enterprise, PortalRoles.Enterprise)]
    [InlineData(OrganizationKind.ResearchInstitute, PortalRoles.University)]
    [InlineData(OrganizationKind.TransferAgency, PortalRoles.Agency)]
    [InlineData(OrganizationKind.Bank, PortalRoles.Bank)]
    public void Self_registering_kinds_map_to_their_role(OrganizationKind kind, string role)
    {
        OrganizationKinds.SelfRegistering.Should().Contain(kind);
        kind.DefaultRole().Should().Be(role);
        kind.AssignableRoles().Should().NotContain(PortalRoles.BureauAdmin);
    }
}

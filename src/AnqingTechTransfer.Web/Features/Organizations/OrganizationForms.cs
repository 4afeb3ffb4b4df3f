using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Features.Organizations;

public sealed record OrganizationRow(Guid Id, string Name, OrganizationKind Kind, string CreditCode, string RegionCode, OrganizationStatus Status,
    bool HasChecksumWarning, bool ChecksumOverridden, DateTimeOffset CreatedAt);

public class OrganizationFilter
{
    public string? Q { get; set; }
    public OrganizationStatus? Status { get; set; }
    public OrganizationKind? Kind { get; set; }
    public string? Region { get; set; }
    public int Page { get; set; } = 1;
}

public class DecisionForm
{
    /// <summary>The row version the reviewer saw; a change since then is a concurrent edit.</summary>
    public uint Version { get; set; }

    [Display(Name = "理由")]
    [StringLength(1000, ErrorMessage = "理由不能超过1000个字")]
    public string? Reason { get; set; }
}

public sealed record OrganizationUserRow(string UserName, string DisplayName, bool IsOrganizationAdmin, bool IsDisabled);

public sealed record OrganizationDetailsViewModel(Organization Organization, IReadOnlyList<OrganizationUserRow> Users,
    bool CanReview, bool CanSuspend, string? LicenceName);

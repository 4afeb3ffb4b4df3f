using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>
/// What every qualification list shows whatever its kind: the filters chosen (status, search, county or park) and what
/// the user may do there (confirm, enter).
/// </summary>
public sealed record QualificationFilters(Confirmation? Confirmation, string? Q, string? Region, bool CanConfirm, bool IsEnterprise)
{
    /// <summary>The filters every qualification list offers: status and county or park (the tenant filter applies first).</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> query) where T : QualificationRecord
    {
        if (Confirmation is { } c)
        {
            query = query.Where(r => r.Confirmation == c);
        }

        return string.IsNullOrEmpty(Region) || Region == AnqingRegions.City ? query : query.Where(r => r.RegionCode == Region);
    }

    /// <summary>The search term as codes and numbers are stored (upper case), or null when nothing is searched.</summary>
    public string? Term => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim().ToUpperInvariant();

    /// <summary>The search text for a name (ILIKE pattern).</summary>
    public string NamePattern => "%" + (Q ?? string.Empty).Trim() + "%";
}

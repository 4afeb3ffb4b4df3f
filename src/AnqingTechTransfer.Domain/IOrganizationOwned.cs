namespace AnqingTechTransfer.Domain;

/// <summary>
/// A record owned by one organization in one region. PortalDbContext puts the "Tenant" query filter on every
/// entity that implements this; records with two sides (a contract's buyer and seller) declare their own filter.
/// </summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; }
    string RegionCode { get; }
}

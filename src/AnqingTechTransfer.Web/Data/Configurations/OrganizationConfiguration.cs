using AnqingTechTransfer.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength(false);
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactPhone).IsEncrypted();
        b.Property(o => o.StatusReason).HasMaxLength(1000);
        b.Property(o => o.Version).IsRowVersion();
        // One organization per credit code (the same code cannot register twice).
        b.HasIndex(o => o.CreditCode).IsUnique();
        b.HasIndex(o => new { o.Status, o.RegionCode });
        b.HasIndex(o => new { o.RegionCode, o.Kind });
        b.HasIndex(o => o.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

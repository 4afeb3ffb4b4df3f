using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.HasOne<AnqingTechTransfer.Domain.Organizations.Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.OrganizationId);
        // The user list searches names anywhere in the text (ILIKE '%…%').
        b.HasIndex(u => u.DisplayName).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(u => u.UserName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_asp_net_users_user_name_trgm");
    }
}

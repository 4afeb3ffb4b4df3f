using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class SecuritySettingsConfiguration : IEntityTypeConfiguration<SecuritySettings>
{
    public void Configure(EntityTypeBuilder<SecuritySettings> b)
    {
        b.ToTable("security_settings", t => t.HasCheckConstraint("ck_security_settings_single_row", "id = 1"));
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.AdminAllowedNetworks).HasMaxLength(2000);
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
        b.Property(s => s.Version).IsRowVersion();
    }
}

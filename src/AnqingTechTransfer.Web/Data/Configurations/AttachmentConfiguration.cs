using AnqingTechTransfer.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.OwnerType).HasMaxLength(50);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.FileName).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.Purpose).HasMaxLength(30).HasDefaultValue(string.Empty);
        b.HasIndex(a => new { a.OwnerType, a.OwnerId });
        b.HasIndex(a => a.OrganizationId);
    }
}

public class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

using AnqingTechTransfer.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // Ids are assigned under the chain lock so that a deleted row shows as a gap.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.Outcome).HasMaxLength(20);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.OccurredAt);
        b.HasIndex(a => new { a.UserName, a.OccurredAt });
        b.HasIndex(a => new { a.Action, a.OccurredAt });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

using AnqingTechTransfer.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class HighTechRecordConfiguration : IEntityTypeConfiguration<HighTechRecord>
{
    public void Configure(EntityTypeBuilder<HighTechRecord> b)
    {
        b.ToTable("high_tech_records");
        Common(b);
        b.Property(r => r.Number).HasMaxLength(30);
        b.Property(r => r.FieldCode).HasMaxLength(20);
        b.Ignore(r => r.Certificate);
        // "Valid on 31 December of the year": issued_on <= year-end <= valid_until, counted by region.
        b.HasIndex(r => new { r.Confirmation, r.ValidUntil, r.IssuedOn }).IncludeProperties(r => new { r.RegionCode, r.CreditCode });
        b.HasIndex(r => new { r.CreditCode, r.Number }).IsUnique();
    }

    internal static void Common<T>(EntityTypeBuilder<T> b) where T : QualificationRecord
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CreditCode).HasMaxLength(18);
        b.Property(r => r.EnterpriseName).HasMaxLength(200);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Warning).HasMaxLength(200);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.RegionCode, r.Confirmation });
        b.HasIndex(r => r.OrganizationId);
    }
}

public class TechSmeRecordConfiguration : IEntityTypeConfiguration<TechSmeRecord>
{
    public void Configure(EntityTypeBuilder<TechSmeRecord> b)
    {
        b.ToTable("tech_sme_records");
        HighTechRecordConfiguration.Common(b);
        b.Property(r => r.Number).HasMaxLength(30);
        b.Ignore(r => r.Registration);
        b.HasIndex(r => new { r.Confirmation, r.Year }).IncludeProperties(r => new { r.RegionCode, r.CreditCode });
        b.HasIndex(r => new { r.CreditCode, r.Year }).IsUnique();
    }
}

public class SpecializedRecordConfiguration : IEntityTypeConfiguration<SpecializedRecord>
{
    public void Configure(EntityTypeBuilder<SpecializedRecord> b)
    {
        b.ToTable("specialized_records");
        HighTechRecordConfiguration.Common(b);
        b.HasIndex(r => new { r.Confirmation, r.Year }).IncludeProperties(r => new { r.RegionCode, r.CreditCode });
        b.HasIndex(r => new { r.CreditCode, r.Level, r.Year }).IsUnique();
    }
}

public class CultivationEntryConfiguration : IEntityTypeConfiguration<CultivationEntry>
{
    public void Configure(EntityTypeBuilder<CultivationEntry> b)
    {
        b.ToTable("cultivation_entries");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.EnterpriseName).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.MarkedBy).HasMaxLength(100);
        b.Property(e => e.Version).IsRowVersion();
        b.Ignore(e => e.Gaps);
        b.ComplexProperty(e => e.Figures, f =>
        {
            f.Property(x => x.Revenue).HasPrecision(18, 2).HasColumnName("revenue");
            f.Property(x => x.RdRatio).HasPrecision(6, 2).HasColumnName("rd_ratio");
            f.Property(x => x.TechStaffRatio).HasPrecision(6, 2).HasColumnName("tech_staff_ratio");
            f.Property(x => x.HighTechRevenueRatio).HasPrecision(6, 2).HasColumnName("high_tech_revenue_ratio");
            f.Property(x => x.CoreIpCount).HasColumnName("core_ip_count");
        });
        b.HasMany(e => e.Notes).WithOne().HasForeignKey(n => n.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Notes).HasField("_notes");
        b.HasIndex(e => new { e.RegionCode, e.Status, e.TargetYear });
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.EnterpriseName).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public class CultivationNoteConfiguration : IEntityTypeConfiguration<CultivationNote>
{
    public void Configure(EntityTypeBuilder<CultivationNote> b)
    {
        b.ToTable("cultivation_notes");
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.By).HasMaxLength(100);
        b.Property(n => n.Text).HasMaxLength(1000);
        b.HasIndex(n => new { n.EntryId, n.At });
    }
}

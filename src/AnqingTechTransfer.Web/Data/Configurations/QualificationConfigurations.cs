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

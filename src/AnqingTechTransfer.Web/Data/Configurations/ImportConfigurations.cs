using AnqingTechTransfer.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.UploadedByName).HasMaxLength(100);
        b.Property(j => j.Runner).HasMaxLength(100);
        b.Property(j => j.FailureReason).HasMaxLength(500);
        b.Property(j => j.ResultJson).HasColumnType("jsonb");
        b.HasIndex(j => new { j.UploadedById, j.CreatedAt });
        b.HasIndex(j => j.State).HasFilter("state IN (0, 1)").HasDatabaseName("ix_import_jobs_open");
    }
}

public class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b)
    {
        b.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

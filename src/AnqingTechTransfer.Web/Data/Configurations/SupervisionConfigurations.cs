using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Domain.TransferIndex;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class PlanMeasureConfiguration : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> b)
    {
        b.ToTable("plan_measures");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Chapter).HasMaxLength(100);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Content).HasMaxLength(4000);
        b.Property(m => m.LeadUnits).HasMaxLength(500);
        b.Property(m => m.CoUnits).HasMaxLength(500);
        b.Property(m => m.Conclusion).HasMaxLength(2000);
        b.Property(m => m.Version).IsRowVersion();
        // A number is the measure's key within its plan period; a carried-over measure keeps its number in the next one.
        b.HasIndex(m => new { m.PeriodStartYear, m.Number }).IsUnique();
        b.HasIndex(m => new { m.Status, m.Deadline });
        b.HasIndex(m => m.LeadOrganizationIds).HasMethod("gin");
        b.HasIndex(m => m.LeadRegionCodes).HasMethod("gin");
    }
}

public class MeasureReportConfiguration : IEntityTypeConfiguration<MeasureReport>
{
    public void Configure(EntityTypeBuilder<MeasureReport> b)
    {
        b.ToTable("measure_reports");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.OrganizationName).HasMaxLength(200);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Period).HasMaxLength(6);
        b.Property(r => r.Progress).HasMaxLength(4000);
        b.Property(r => r.Figures).AsJson();
        b.Property(r => r.ReviewNote).HasMaxLength(1000);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.MeasureId, r.OrganizationId, r.Period }).IsUnique();
        b.HasIndex(r => new { r.Status, r.SubmittedAt });
        b.HasIndex(r => new { r.OrganizationId, r.Period });
        b.HasIndex(r => new { r.RegionCode, r.Period });
    }
}

public class InfringerEntryConfiguration : IEntityTypeConfiguration<InfringerEntry>
{
    public void Configure(EntityTypeBuilder<InfringerEntry> b)
    {
        b.ToTable("infringer_entries");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.EnterpriseName).HasMaxLength(200);
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.Authority).HasMaxLength(200);
        b.Property(e => e.RemovalReason).HasMaxLength(1000);
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => e.CreditCode);
        b.HasIndex(e => new { e.Listing, e.PublishUntil, e.PublishFrom });
    }
}

public class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("notices");
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(20000);
        b.Property(n => n.WithdrawReason).HasMaxLength(1000);
        b.Property(n => n.PublisherName).HasMaxLength(200);
        b.Property(n => n.MeasureLabel).HasMaxLength(300);
        b.Property(n => n.Objections).AsJson();
        b.Property(n => n.Version).IsRowVersion();
        b.HasIndex(n => new { n.IsWithdrawn, n.PublishedOn });
        b.HasIndex(n => new { n.Kind, n.IsWithdrawn, n.PublishedOn });
        // The list's filters (publisher, measure) and its search on title and body (ILIKE, served by trigram indexes as for carriers).
        b.HasIndex(n => new { n.PublishedByOrganizationId, n.PublishedOn });
        b.HasIndex(n => n.MeasureId);
        b.HasIndex(n => n.Title).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(n => n.Body).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public class TransferReportConfiguration : IEntityTypeConfiguration<TransferReport>
{
    public void Configure(EntityTypeBuilder<TransferReport> b)
    {
        b.ToTable("transfer_reports");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.OrganizationName).HasMaxLength(200);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Figures).AsJson();
        b.Property(r => r.PortalFigures).AsJson();
        b.Property(r => r.Narrative).HasMaxLength(8000);
        b.Property(r => r.ReviewNote).HasMaxLength(1000);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.Year, r.Status });
        b.HasIndex(r => new { r.RegionCode, r.Year });
    }
}

public class IndexPublicationConfiguration : IEntityTypeConfiguration<IndexPublication>
{
    public void Configure(EntityTypeBuilder<IndexPublication> b)
    {
        b.ToTable("index_publications");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Period).HasMaxLength(6);
        b.Property(p => p.Weights).AsJson();
        b.Property(p => p.Rows).AsJson();
        b.Property(p => p.Method).HasMaxLength(2000);
        b.Property(p => p.PublishedBy).HasMaxLength(100);
        b.Property(p => p.CorrectionReason).HasMaxLength(1000);
        b.Property(p => p.Version).IsRowVersion();
        b.HasIndex(p => new { p.Period, p.IsSuperseded });
        b.HasIndex(p => new { p.IsSuperseded, p.Year, p.Quarter });
    }
}

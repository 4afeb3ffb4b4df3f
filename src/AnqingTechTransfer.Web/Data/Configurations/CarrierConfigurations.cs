using System.Text.Json;
using AnqingTechTransfer.Domain.Carriers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> b)
    {
        b.ToTable("carriers");
        Infrastructure.Search.SearchIndex.Configure(b);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.HostName).HasMaxLength(200);
        b.Property(c => c.HostCreditCode).HasMaxLength(18);
        b.Property(c => c.CoBuilder).HasMaxLength(200);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Batch).HasMaxLength(50);
        b.Property(c => c.ContactName).HasMaxLength(50);
        b.Property(c => c.ContactPhone).IsEncrypted();
        b.Property(c => c.Capabilities).HasMaxLength(2000);
        b.Property(c => c.StatusReason).HasMaxLength(500);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.IsPilotBase);
        b.Ignore(c => c.IsConsortium);
        b.Ignore(c => c.IsEnclave);
        b.Property(c => c.Members).AsJson();
        b.Property(c => c.Enclave).HasColumnType("jsonb").HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => v == null ? null : JsonSerializer.Deserialize<EnclaveLocation>(v, JsonSerializerOptions.Web));
        // The catalogue filters by type, level, region and status; hosts find theirs by organization.
        b.HasIndex(c => new { c.Type, c.Status });
        b.HasIndex(c => new { c.RegionCode, c.Status });
        b.HasIndex(c => new { c.Level, c.Status });
        b.HasIndex(c => c.OrganizationId);
        b.HasIndex(c => c.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public class RecognitionApplicationConfiguration : IEntityTypeConfiguration<RecognitionApplication>
{
    public void Configure(EntityTypeBuilder<RecognitionApplication> b)
    {
        b.ToTable("carrier_recognitions");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.CarrierName).HasMaxLength(200);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.Statement).HasMaxLength(2000);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.HasIndex(a => a.CarrierId);
        b.HasIndex(a => new { a.Status, a.RegionCode });
    }
}

public class PerformanceReportConfiguration : IEntityTypeConfiguration<PerformanceReport>
{
    public void Configure(EntityTypeBuilder<PerformanceReport> b)
    {
        b.ToTable("carrier_reports");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Indicators).AsJson();
        b.Property(r => r.Summary).HasMaxLength(2000);
        b.Property(r => r.Comment).HasMaxLength(1000);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.CarrierId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.Year, r.RegionCode });
    }
}

public class PilotServiceConfiguration : IEntityTypeConfiguration<PilotService>
{
    public void Configure(EntityTypeBuilder<PilotService> b)
    {
        b.ToTable("pilot_services");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.CarrierName).HasMaxLength(200);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Equipment).HasMaxLength(1000);
        b.Property(s => s.Scale).HasMaxLength(200);
        b.Property(s => s.WithdrawalReason).HasMaxLength(500);
        b.Property(s => s.PriceRange).HasMaxLength(100);
        b.Property(s => s.Version).IsRowVersion();
        b.HasIndex(s => new { s.IsPublished, s.CreatedAt });
        b.HasIndex(s => s.CarrierId);
    }
}

public class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("pilot_service_requests");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ServiceTitle).HasMaxLength(200);
        b.Property(r => r.RequesterName).HasMaxLength(200);
        b.Property(r => r.Need).HasMaxLength(1000);
        b.Property(r => r.Reply).HasMaxLength(1000);
        b.Property(r => r.Outcome).HasMaxLength(2000);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.BaseOrganizationId, r.Status });
        b.HasIndex(r => new { r.RequesterOrganizationId, r.Status });
    }
}

public class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> b)
    {
        b.ToTable("scenarios");
        Infrastructure.Search.SearchIndex.Configure(b);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.PublisherName).HasMaxLength(200);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Place).HasMaxLength(200);
        b.Property(s => s.Problem).HasMaxLength(2000);
        b.Property(s => s.Outcome).HasMaxLength(2000);
        b.Property(s => s.FieldCode).HasMaxLength(20);
        b.Property(s => s.ReturnReason).HasMaxLength(1000);
        b.Property(s => s.ReviewerName).HasMaxLength(200);
        b.Property(s => s.Interests).AsJson();
        b.Property(s => s.Version).IsRowVersion();
        b.HasIndex(s => new { s.Status, s.Deadline });
        b.HasIndex(s => new { s.RegionCode, s.Status });
        b.HasIndex(s => s.Keywords).HasMethod("gin");
    }
}

public class RankingPublicationConfiguration : IEntityTypeConfiguration<RankingPublication>
{
    public void Configure(EntityTypeBuilder<RankingPublication> b)
    {
        b.ToTable("agency_rankings");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Rows).AsJson();
        b.Property(r => r.Indicators).AsJson();
        b.HasIndex(r => r.Year);
    }
}

using AnqingTechTransfer.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

/// <summary>
/// The market's two tables share their shape. Each also has a generated <c>search_grams</c> column (the one- and
/// two-character grams of title and summary, GIN-indexed; migration MarketAndCarriers), which serves Chinese substring search
/// where pg_trgm cannot: its trigrams miss one- and two-character terms such as 催化.
/// </summary>
internal static class MarketListingConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table) where T : MarketListing
    {
        b.ToTable(table);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.OrganizationName).HasMaxLength(200);
        b.Property(l => l.RegionCode).HasMaxLength(12);
        b.Property(l => l.Title).HasMaxLength(100);
        b.Property(l => l.Summary).HasMaxLength(2000);
        b.Property(l => l.FieldCode).HasMaxLength(10);
        b.Property(l => l.ReviewRemark).HasMaxLength(500);
        b.ComplexProperty(l => l.Contact, c =>
        {
            c.Property(x => x.Name).HasMaxLength(50).HasColumnName("contact_name");
            c.Property(x => x.Phone).IsEncrypted().HasColumnName("contact_phone");
        });
        b.Property(l => l.Version).IsRowVersion();
        b.Ignore(l => l.IsPublic);
        // The public market pages filter by status with field, region and recency; owners and reviewers by organization and region.
        b.HasIndex(l => new { l.Status, l.FieldCode, l.PublishedAt });
        b.HasIndex(l => new { l.Status, l.RegionCode, l.PublishedAt });
        b.HasIndex(l => new { l.Status, l.PublishedAt });
        b.HasIndex(l => l.OrganizationId);
        b.HasIndex(l => l.Keywords).HasMethod("gin");
        Infrastructure.Search.SearchIndex.Configure(b);
    }
}

public class TechNeedConfiguration : IEntityTypeConfiguration<TechNeed>
{
    public void Configure(EntityTypeBuilder<TechNeed> b)
    {
        MarketListingConfiguration.Configure(b, "tech_needs");
        b.Property(n => n.Targets).HasMaxLength(1000);
        b.Property(n => n.BudgetMin).HasPrecision(14, 2);
        b.Property(n => n.BudgetMax).HasPrecision(14, 2);
        b.HasIndex(n => new { n.Status, n.BudgetMax });
    }
}

public class TechResultConfiguration : IEntityTypeConfiguration<TechResult>
{
    public void Configure(EntityTypeBuilder<TechResult> b)
    {
        MarketListingConfiguration.Configure(b, "tech_results");
        b.Property(r => r.IpNumber).HasMaxLength(50);
        b.Property(r => r.IpOwner).HasMaxLength(200);
        b.Property(r => r.Team).HasMaxLength(500);
        b.Property(r => r.Price).HasPrecision(14, 2);
        b.HasIndex(r => new { r.Status, r.Maturity });
        b.HasIndex(r => new { r.Status, r.Price });
    }
}

public class DockingRequestConfiguration : IEntityTypeConfiguration<DockingRequest>
{
    public void Configure(EntityTypeBuilder<DockingRequest> b)
    {
        b.ToTable("docking_requests");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Message).HasMaxLength(1000);
        b.Property(r => r.Reply).HasMaxLength(1000);
        b.Property(r => r.Thread).AsJson();
        b.Property(r => r.Version).IsRowVersion();
        b.Ignore(r => r.ToOrganizationId);
        b.Ignore(r => r.IsBrokered);
        b.Property(r => r.BrokerName).HasMaxLength(200);
        b.Property(r => r.BrokerCommissionerName).HasMaxLength(50);
        b.HasIndex(r => r.BrokerOrganizationId);
        // One open request per pair: a second one waits until the first is declined.
        b.HasIndex(r => new { r.NeedId, r.ResultId }).IsUnique().HasFilter("status <> 3");
        b.HasIndex(r => r.ResultId);
        b.HasIndex(r => r.NeedOrganizationId);
        b.HasIndex(r => r.ResultOrganizationId);
        b.HasIndex(r => r.ContractId);
    }
}

public class DismissedMatchConfiguration : IEntityTypeConfiguration<DismissedMatch>
{
    public void Configure(EntityTypeBuilder<DismissedMatch> b)
    {
        b.ToTable("dismissed_matches");
        b.HasKey(d => new { d.OrganizationId, d.NeedId, d.ResultId });
    }
}

public class CommissionerConfiguration : IEntityTypeConfiguration<Commissioner>
{
    public void Configure(EntityTypeBuilder<Commissioner> b)
    {
        b.ToTable("commissioners");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Employer).HasMaxLength(200);
        b.Property(c => c.Serves).HasMaxLength(500);
        b.Property(c => c.Assignments).AsJson();
        b.Property(c => c.Logs).AsJson();
        b.Property(c => c.Version).IsRowVersion();
        b.HasIndex(c => new { c.Year, c.Kind });
        b.HasIndex(c => new { c.RegionCode, c.Year });
    }
}

public class DockingEventConfiguration : IEntityTypeConfiguration<DockingEvent>
{
    public void Configure(EntityTypeBuilder<DockingEvent> b)
    {
        b.ToTable("docking_events");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.OrganizerName).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Outcomes).AsJson();
        b.Property(e => e.Version).IsRowVersion();
        b.HasIndex(e => e.HeldOn);
    }
}

public class CommissionerTargetConfiguration : IEntityTypeConfiguration<CommissionerTarget>
{
    public void Configure(EntityTypeBuilder<CommissionerTarget> b)
    {
        b.ToTable("commissioner_targets");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.HasIndex(t => new { t.Year, t.Kind, t.RegionCode }).IsUnique();
    }
}

using AnqingTechTransfer.Domain.FirstProducts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class DemandEntryConfiguration : IEntityTypeConfiguration<DemandEntry>
{
    public void Configure(EntityTypeBuilder<DemandEntry> b)
    {
        b.ToTable("first_product_demand");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Field).HasMaxLength(100);
        b.Property(d => d.Product).HasMaxLength(200);
        b.Property(d => d.Targets).HasMaxLength(1000);
        b.Property(d => d.DemandSide).HasMaxLength(200);
        b.Property(d => d.Scenario).HasMaxLength(500);
        b.Property(d => d.ChainLink).HasMaxLength(200);
        b.Property(d => d.Version).IsRowVersion();
        b.HasIndex(d => new { d.Year, d.IsPublished });
    }
}

public class FirstProductApplicationConfiguration : IEntityTypeConfiguration<FirstProductApplication>
{
    public void Configure(EntityTypeBuilder<FirstProductApplication> b)
    {
        b.ToTable("first_product_applications");
        b.HasOne<DemandEntry>().WithMany().HasForeignKey(a => a.DemandEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.DemandEntryId);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.EnterpriseName).HasMaxLength(200);
        b.Property(a => a.CreditCode).HasMaxLength(18);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.ProductName).HasMaxLength(200);
        b.Property(a => a.Model).HasMaxLength(100);
        b.Property(a => a.Indicators).HasMaxLength(2000);
        b.Property(a => a.FirstCustomer).HasMaxLength(200);
        b.Property(a => a.NoveltyReport).HasMaxLength(100);
        b.Property(a => a.Patents).HasMaxLength(500);
        b.Property(a => a.TestReports).HasMaxLength(500);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.Key);
        b.HasIndex(a => new { a.OrganizationId, a.Kind });
        b.HasIndex(a => new { a.RegionCode, a.State });
        b.HasIndex(a => new { a.State, a.SubmittedAt });
        b.HasIndex(a => a.CatalogYear);
    }
}

public class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("first_product_purchases");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.ProductName).HasMaxLength(200);
        b.Property(p => p.PurchaserName).HasMaxLength(200);
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.HasIndex(p => p.ApplicationId);
    }
}

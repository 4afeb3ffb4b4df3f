using AnqingTechTransfer.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Key).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Unit).HasMaxLength(20);
        b.HasIndex(i => i.Key).IsUnique();
    }
}

public class KpiBaselineConfiguration : IEntityTypeConfiguration<KpiBaseline>
{
    public void Configure(EntityTypeBuilder<KpiBaseline> b)
    {
        b.ToTable("kpi_baselines");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.SourceDocument).HasMaxLength(200);
        b.Property(x => x.SourceUrl).HasMaxLength(500);
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IndicatorId, x.RegionCode, x.Year }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

public class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> b)
    {
        b.ToTable("kpi_targets");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanPeriod>().WithMany().HasForeignKey(x => x.PlanPeriodId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.IndicatorId, x.RegionCode, x.Year }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Year });
    }
}

public class PlanPeriodConfiguration : IEntityTypeConfiguration<PlanPeriod>
{
    public void Configure(EntityTypeBuilder<PlanPeriod> b)
    {
        b.ToTable("plan_periods");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Multiple).HasPrecision(9, 4);
        b.HasIndex(x => new { x.BaselineYear, x.FinalYear }).IsUnique();
    }
}

public class KpiEnteredValueConfiguration : IEntityTypeConfiguration<KpiEnteredValue>
{
    public void Configure(EntityTypeBuilder<KpiEnteredValue> b)
    {
        b.ToTable("kpi_entered_values");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.SourceDocument).HasMaxLength(200);
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IndicatorId, x.RegionCode, x.Year }).IsUnique();
    }
}

public class ContractMonthTotalConfiguration : IEntityTypeConfiguration<ContractMonthTotal>
{
    public void Configure(EntityTypeBuilder<ContractMonthTotal> b)
    {
        b.ToTable("contract_month_totals");
        b.HasKey(x => new { x.Month, x.SellerRegionCode, x.BuyerRegionCode, x.IsImported });
        b.Property(x => x.SellerRegionCode).HasMaxLength(12);
        b.Property(x => x.BuyerRegionCode).HasMaxLength(12);
        b.Property(x => x.ContractAmount).HasPrecision(20, 2);
        b.Property(x => x.TechAmount).HasPrecision(20, 2);
    }
}

public class QualificationYearCountConfiguration : IEntityTypeConfiguration<QualificationYearCount>
{
    public void Configure(EntityTypeBuilder<QualificationYearCount> b)
    {
        b.ToTable("qualification_year_counts");
        b.HasKey(x => new { x.RegionCode, x.Year });
        b.Property(x => x.RegionCode).HasMaxLength(12);
    }
}

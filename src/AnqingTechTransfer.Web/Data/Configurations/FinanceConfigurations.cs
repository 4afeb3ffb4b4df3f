using AnqingTechTransfer.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class LoanProductConfiguration : IEntityTypeConfiguration<LoanProduct>
{
    public void Configure(EntityTypeBuilder<LoanProduct> b)
    {
        b.ToTable("loan_products");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.BankName).HasMaxLength(200);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.RateMin).HasPrecision(5, 2);
        b.Property(p => p.RateMax).HasPrecision(5, 2);
        b.Property(p => p.AmountMin).HasPrecision(14, 2);
        b.Property(p => p.AmountMax).HasPrecision(14, 2);
        b.Property(p => p.Version).IsRowVersion();
        b.HasIndex(p => new { p.IsPublished, p.Kind });
        b.HasIndex(p => p.BankOrganizationId);
    }
}

public class LoanApplicationConfiguration : IEntityTypeConfiguration<LoanApplication>
{
    public void Configure(EntityTypeBuilder<LoanApplication> b)
    {
        b.ToTable("loan_applications");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ProductName).HasMaxLength(100);
        b.Property(a => a.EnterpriseName).HasMaxLength(200);
        b.Property(a => a.CreditCode).HasMaxLength(18);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.Purpose).HasMaxLength(1000);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Amount).HasPrecision(14, 2);
        b.Property(a => a.ApprovedAmount).HasPrecision(14, 2);
        b.Property(a => a.Rate).HasPrecision(5, 2);
        b.Property(a => a.Repayments).AsJson();
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.Outstanding);
        b.HasIndex(a => new { a.BankOrganizationId, a.Status });
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasIndex(a => new { a.RegionCode, a.Status });
        b.HasIndex(a => a.ProductId);
    }
}

public class CooperationAgreementConfiguration : IEntityTypeConfiguration<CooperationAgreement>
{
    public void Configure(EntityTypeBuilder<CooperationAgreement> b)
    {
        b.ToTable("pool_agreements");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.BankName).HasMaxLength(200);
        b.Property(a => a.PoolShare).HasPrecision(5, 4);
        b.Property(a => a.Cap).HasPrecision(14, 2);
        b.Property(a => a.NplThreshold).HasPrecision(5, 4);
        b.Property(a => a.SuspensionReason).HasMaxLength(200);
        b.Property(a => a.Version).IsRowVersion();
        b.HasIndex(a => a.BankOrganizationId);
    }
}

public class CompensationClaimConfiguration : IEntityTypeConfiguration<CompensationClaim>
{
    public void Configure(EntityTypeBuilder<CompensationClaim> b)
    {
        b.ToTable("pool_claims");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.EnterpriseName).HasMaxLength(200);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.OverduePrincipal).HasPrecision(14, 2);
        b.Property(c => c.Ratio).HasPrecision(5, 4);
        b.Property(c => c.Requested).HasPrecision(14, 2);
        b.Property(c => c.ApprovedAmount).HasPrecision(14, 2);
        b.Property(c => c.Evidence).HasMaxLength(1000);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.Recoveries).AsJson();
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.ReturnedToPool);
        b.HasIndex(c => new { c.BankOrganizationId, c.Status });
        b.HasIndex(c => new { c.AgreementId, c.Status });
        b.HasIndex(c => c.LoanId).IsUnique();
        b.HasIndex(c => new { c.RegionCode, c.Status });
    }
}

public class FundInvestmentConfiguration : IEntityTypeConfiguration<FundInvestment>
{
    public void Configure(EntityTypeBuilder<FundInvestment> b)
    {
        b.ToTable("fund_investments");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Project).HasMaxLength(200);
        b.Property(i => i.EnterpriseName).HasMaxLength(200);
        b.Property(i => i.CreditCode).HasMaxLength(18);
        b.Property(i => i.Amount).HasPrecision(14, 2);
        b.Property(i => i.Corrections).AsJson();
        b.Property(i => i.Version).IsRowVersion();
        b.HasIndex(i => i.On);
    }
}

public class BankYearFiguresConfiguration : IEntityTypeConfiguration<BankYearFigures>
{
    public void Configure(EntityTypeBuilder<BankYearFigures> b)
    {
        b.ToTable("bank_year_figures");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.BankName).HasMaxLength(200);
        b.Property(f => f.TechLoans).HasPrecision(14, 2);
        b.Property(f => f.CreditLoans).HasPrecision(14, 2);
        b.Property(f => f.Insurance).HasPrecision(14, 2);
        b.Property(f => f.Guarantees).HasPrecision(14, 2);
        b.Property(f => f.Version).IsRowVersion();
        b.HasIndex(f => new { f.Year, f.BankOrganizationId }).IsUnique();
    }
}

public class BankFiguresLockConfiguration : IEntityTypeConfiguration<BankFiguresLock>
{
    public void Configure(EntityTypeBuilder<BankFiguresLock> b)
    {
        b.ToTable("bank_figures_locks");
        b.HasKey(l => l.Year);
        b.Property(l => l.Year).ValueGeneratedNever();
        b.Property(l => l.LockedBy).HasMaxLength(200);
    }
}

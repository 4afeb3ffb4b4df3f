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

using System.Text.Json;
using AnqingTechTransfer.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class TechContractConfiguration : IEntityTypeConfiguration<TechContract>
{
    public void Configure(EntityTypeBuilder<TechContract> b)
    {
        b.ToTable("tech_contracts");
        Infrastructure.Search.SearchIndex.Configure(b);
        b.Property(c => c.Version).IsRowVersion();
        b.Property(c => c.ProjectName).HasMaxLength(200);
        b.Property(c => c.SellerRegionCode).HasMaxLength(12);
        b.Property(c => c.BuyerRegionCode).HasMaxLength(12);
        foreach (var code in new[] { nameof(TechContract.TechnicalFieldCode), nameof(TechContract.IpTypeCode), nameof(TechContract.PlanSourceCode), nameof(TechContract.SocioEconomicGoalCode) })
        {
            b.Property(code).HasMaxLength(20);
        }

        b.Property(c => c.ContractAmount).HasPrecision(14, 4);
        b.Property(c => c.TechAmount).HasPrecision(14, 4);
        b.Property(c => c.ExpectedInvestment).HasPrecision(14, 4);
        b.Property(c => c.ExpectedOutput).HasPrecision(14, 4);
        b.Property(c => c.IncomeDeclared).HasPrecision(14, 4);
        b.Property(c => c.BrokerName).HasMaxLength(200);
        b.Property(c => c.ResponsiblePerson).HasMaxLength(ContractTerms.PersonNameLength);
        b.Property(c => c.FilledBy).HasMaxLength(ContractTerms.PersonNameLength);
        b.Property(c => c.RegistrationNumber).HasMaxLength(32);
        b.Property(c => c.VerificationCode).HasMaxLength(16);
        b.Property(c => c.LastRemark).HasMaxLength(1000);
        b.ComplexProperty(c => c.Seller, p => Party(p, "seller"));
        b.ComplexProperty(c => c.Buyer, p => Party(p, "buyer"));

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        b.Property<List<Deduction>>("_deductions")
            .HasColumnName("deductions")
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, json),
                v => JsonSerializer.Deserialize<List<Deduction>>(v, json) ?? new List<Deduction>(),
                new ValueComparer<List<Deduction>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d.GetHashCode())), v => v.ToList()));
        b.Ignore(c => c.Deductions);
        // The registrar's 认定 (issue 22 §2): null until assessed.
        b.Property<List<AssessedDeduction>?>("_assessedDeductions")
            .HasColumnName("assessed_deductions")
            .HasColumnType("jsonb")
            .HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, json),
                v => v == null ? null : JsonSerializer.Deserialize<List<AssessedDeduction>>(v, json),
                new ValueComparer<List<AssessedDeduction>?>((x, y) => x == null ? y == null : y != null && x.SequenceEqual(y),
                    v => v == null ? 0 : v.Aggregate(0, (h, d) => HashCode.Combine(h, d.GetHashCode())), v => v == null ? null : v.ToList()));
        b.Ignore(c => c.AssessedDeductions);
        b.Property(c => c.DeclaredTechAmount).HasPrecision(14, 4);
        b.Property(c => c.IncomeAssessed).HasPrecision(14, 4);
        b.Property(c => c.IncomeRemark).HasMaxLength(200);
        b.Ignore(c => c.Terms);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One index per filter the lists offer (status, type, field, point, region, dates, amounts, text).
        b.HasIndex(c => c.RegistrationNumber).IsUnique().HasFilter("registration_number IS NOT NULL");
        b.HasIndex(c => new { c.RegistrationPointId, c.Status, c.SubmittedAt });
        b.HasIndex(c => new { c.SellerRegionCode, c.SignedOn });
        b.HasIndex(c => new { c.BuyerRegionCode, c.SignedOn });
        b.HasIndex(c => new { c.SellerRegionCode, c.RegisteredAt });
        b.HasIndex(c => new { c.BuyerRegionCode, c.RegisteredAt });
        b.HasIndex(c => new { c.FilerOrganizationId, c.CreatedAt });
        b.HasIndex(c => c.BuyerOrganizationId);
        b.HasIndex(c => c.SellerOrganizationId);
        b.HasIndex(c => c.BrokerOrganizationId);
        b.HasIndex(c => new { c.Status, c.SignedOn });
        // The list's default order (newest signed first): a large tenant's first page walks this index and stops at 20 rows
        // instead of sorting every contract its filter matches; it covers the tenancy columns, so the pager's capped count is
        // an index-only scan (docs/performance.md).
        b.HasIndex(c => new { c.SignedOn, c.Id }).IsDescending(true, true).HasDatabaseName("ix_tech_contracts_list_order")
            .IncludeProperties(c => new { c.Status, c.RegistrationPointId, c.FilerOrganizationId, c.SellerOrganizationId, c.BuyerOrganizationId,
                c.BrokerOrganizationId, c.SellerRegionCode, c.BuyerRegionCode });
        b.HasIndex(c => new { c.Type, c.SignedOn });
        // Counting a field's contracts for a registrar or a county reads the index alone.
        b.HasIndex(c => new { c.TechnicalFieldCode, c.SignedOn })
            .IncludeProperties(c => new { c.Id, c.Status, c.RegistrationPointId, c.FilerOrganizationId, c.SellerRegionCode, c.BuyerRegionCode });
        b.HasIndex(c => c.ContractAmount);
        // Statistics read registered contracts of a year through this index alone (index-only scans): every column the
        // figures group by or sum is included.
        b.HasIndex(c => new { c.Status, c.RegisteredAt })
            .IncludeProperties(c => new
            {
                c.Type, c.TechnicalFieldCode, c.RegistrationPointId, c.SellerRegionCode, c.BuyerRegionCode, c.ContractAmount, c.TechAmount, c.IsImported,
                // the tenant filter's columns, so that it too is answered from the index
                c.FilerOrganizationId, c.SellerOrganizationId, c.BuyerOrganizationId, c.BrokerOrganizationId,
            });
        // The registrar's "income to confirm" to-do, counted on every page they open.
        b.HasIndex(c => c.RegistrationPointId).HasFilter("income_declared IS NOT NULL AND income_confirmed_at IS NULL").HasDatabaseName("ix_tech_contracts_income_to_confirm");
        b.Property(c => c.FiguresFrom).HasComment("since when the current figures count: registration, approved change or cancellation (issue 22)");
        b.HasIndex(c => c.ProjectName).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    private static void Party(ComplexPropertyBuilder<ContractParty> p, string side)
    {
        p.Property(x => x.Name).HasMaxLength(200).HasColumnName(side + "_name");
        p.Property(x => x.CreditCode).HasMaxLength(18).HasColumnName(side + "_credit_code");
        p.Property(x => x.CountryCode).HasMaxLength(3).HasColumnName(side + "_country_code");
        // The GB/T 2260 code on the form; {side}_region_code is the portal's county or park.
        p.Property(x => x.RegionCode).HasMaxLength(6).HasColumnName(side + "_division_code");
        p.Property(x => x.NatureCode).HasMaxLength(20).HasColumnName(side + "_nature_code");
    }
}

public class ContractChangeRequestConfiguration : IEntityTypeConfiguration<ContractChangeRequest>
{
    public void Configure(EntityTypeBuilder<ContractChangeRequest> b)
    {
        b.ToTable("contract_change_requests");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Version).IsRowVersion();
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.FiledBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.DecisionRemark).HasMaxLength(1000);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        b.Property(r => r.Terms).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, json),
            v => JsonSerializer.Deserialize<ContractTerms>(v, json)!,
            new ValueComparer<ContractTerms>((x, y) => JsonSerializer.Serialize(x, json) == JsonSerializer.Serialize(y, json), v => JsonSerializer.Serialize(v, json).GetHashCode(),
                v => JsonSerializer.Deserialize<ContractTerms>(JsonSerializer.Serialize(v, json), json)!));
        b.Ignore(r => r.IsOpen);
        b.HasOne<TechContract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        // One open request per contract; the registrar's queue finds the open ones of its points.
        b.HasIndex(r => r.ContractId).IsUnique().HasFilter("status = 1").HasDatabaseName("ux_contract_change_requests_open");
        b.HasIndex(r => new { r.RegistrationPointId, r.Status });
    }
}

public class ContractFigureMoveConfiguration : IEntityTypeConfiguration<ContractFigureMove>
{
    public void Configure(EntityTypeBuilder<ContractFigureMove> b)
    {
        b.ToTable("contract_figure_moves");
        b.Property(m => m.Id).UseIdentityAlwaysColumn();
        b.Property(m => m.TechnicalFieldCode).HasMaxLength(20);
        b.Property(m => m.SellerRegionCode).HasMaxLength(12);
        b.Property(m => m.BuyerRegionCode).HasMaxLength(12);
        b.Property(m => m.ContractAmount).HasPrecision(14, 4);
        b.Property(m => m.TechAmount).HasPrecision(14, 4);
        b.HasIndex(m => m.At).IncludeProperties(m => new { m.ContractId, m.Type, m.TechnicalFieldCode, m.RegistrationPointId, m.SellerRegionCode, m.BuyerRegionCode,
            m.IsImported, m.Contracts, m.ContractAmount, m.TechAmount });
        b.HasIndex(m => m.ContractId);
    }
}

public class ContractEventConfiguration : IEntityTypeConfiguration<ContractEvent>
{
    public void Configure(EntityTypeBuilder<ContractEvent> b)
    {
        b.ToTable("tech_contract_events");
        // Events are added through the contract's collection: a client-set key must still mean "new row".
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Remark).HasMaxLength(1000);
        b.HasIndex(e => new { e.ContractId, e.At });
    }
}

public class RegistrationPointConfiguration : IEntityTypeConfiguration<RegistrationPoint>
{
    public void Configure(EntityTypeBuilder<RegistrationPoint> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Code).HasMaxLength(2);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.ContactName).HasMaxLength(50);
        b.Property(p => p.ContactPhone).IsEncrypted();
        b.Property(p => p.ClosedReason).HasMaxLength(500);
        b.Property(p => p.Version).IsRowVersion();
        b.Ignore(p => p.NumberRegionCode);
        b.HasIndex(p => p.Code).IsUnique();
    }
}

public class RegistrationPointRegistrarConfiguration : IEntityTypeConfiguration<RegistrationPointRegistrar>
{
    public void Configure(EntityTypeBuilder<RegistrationPointRegistrar> b)
    {
        b.HasKey(r => new { r.PointId, r.UserId });
        b.HasIndex(r => r.UserId);
        b.HasOne<RegistrationPoint>().WithMany().HasForeignKey(r => r.PointId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RegistrationSerialConfiguration : IEntityTypeConfiguration<RegistrationSerial>
{
    public void Configure(EntityTypeBuilder<RegistrationSerial> b)
    {
        b.HasKey(s => new { s.PointId, s.Year });
    }
}

public class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(50);
    }
}

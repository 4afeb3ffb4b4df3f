using System.Text.Json;
using AnqingTechTransfer.Domain.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

/// <summary>Value objects stored as jsonb: compared by their serialized form, so a changed list is seen as changed.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

public class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.IdNumberKey).HasMaxLength(64);
        b.Property(e => e.MobileKey).HasMaxLength(64);
        b.Property(e => e.IdNumberMasked).HasMaxLength(18);
        b.Property(e => e.MobileMasked).HasMaxLength(11);
        b.Property(e => e.BankName).HasMaxLength(100);
        b.Property(e => e.BankAccountCipher).HasMaxLength(EncryptedColumns.Length);
        b.Property(e => e.BankAccountMasked).HasMaxLength(30);
        b.Property(e => e.StatusReason).HasMaxLength(500);
        b.Property(e => e.Profile).AsJson();
        b.Property(e => e.Relations).AsJson();
        b.Property(e => e.Blackouts).AsJson();
        b.Property(e => e.Version).IsRowVersion();
        b.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Events).HasField("_events");
        // One person, one expert record: the same ID number or mobile cannot apply twice.
        b.HasIndex(e => e.IdNumberKey).IsUnique();
        b.HasIndex(e => e.MobileKey).IsUnique();
        b.HasIndex(e => e.UserId).IsUnique().HasFilter("user_id IS NOT NULL");
        b.HasIndex(e => new { e.Status, e.NextEvaluationDue });
        b.HasIndex(e => e.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public class IntegrityEventConfiguration : IEntityTypeConfiguration<IntegrityEvent>
{
    public void Configure(EntityTypeBuilder<IntegrityEvent> b)
    {
        b.ToTable("expert_integrity_events");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Evidence).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.ExpertId, e.At });
    }
}

public class ReviewPanelConfiguration : IEntityTypeConfiguration<ReviewPanel>
{
    public void Configure(EntityTypeBuilder<ReviewPanel> b)
    {
        b.ToTable("review_panels");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.SubjectKind).HasMaxLength(20);
        b.Property(p => p.Subject).AsJson();
        b.Property(p => p.Rubric).AsJson();
        b.Property(p => p.Draw).HasColumnType("jsonb").HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => v == null ? null : JsonSerializer.Deserialize<DrawRecord>(v, JsonSerializerOptions.Web));
        b.Property(p => p.ChiefWeight).HasPrecision(4, 2);
        b.Property(p => p.Result).HasPrecision(8, 2);
        b.Property(p => p.ChiefOpinion).HasMaxLength(4000);
        b.Property(p => p.Version).IsRowVersion();
        b.Ignore(p => p.Chief);
        b.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PanelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Members).HasField("_members");
        b.HasIndex(p => new { p.Status, p.CreatedAt });
        b.HasIndex(p => p.ApplicantOrganizationId);
        b.HasIndex(p => p.ApplicationId);
    }
}

/// <summary>A draw's pool snapshot: insert-only (a trigger refuses UPDATE, DELETE and TRUNCATE), its hash in the draw's audit row.</summary>
public class DrawSnapshotConfiguration : IEntityTypeConfiguration<DrawSnapshotRecord>
{
    public void Configure(EntityTypeBuilder<DrawSnapshotRecord> b)
    {
        b.ToTable("draw_snapshots");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Hash).HasMaxLength(64);
        b.HasIndex(s => s.PanelId);
    }
}

public class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.ToTable("panel_members");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Note).HasMaxLength(1000);
        b.Property(m => m.Comment).HasMaxLength(4000);
        b.Ignore(m => m.IsActive);
        b.Ignore(m => m.Total);
        b.HasIndex(m => new { m.PanelId, m.Order });
        b.HasIndex(m => m.ExpertId);
        b.HasIndex(m => m.ExpertUserId);
    }
}

public class PortalSecretConfiguration : IEntityTypeConfiguration<PortalSecret>
{
    public void Configure(EntityTypeBuilder<PortalSecret> b)
    {
        b.ToTable("portal_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(50);
    }
}

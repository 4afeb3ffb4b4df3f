using AnqingTechTransfer.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("project_calls");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Body).HasMaxLength(Call.MaxBodyLength);
        b.OwnsOne(c => c.Guide, g => g.Property(x => x.FileName).HasMaxLength(200));
        b.Ignore(c => c.Paragraphs);
        b.Property(c => c.Version).IsRowVersion();
        b.HasMany(c => c.Programmes).WithOne().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Programmes).HasField("_programmes");
        b.HasIndex(c => new { c.Status, c.Year });
    }
}

public class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("project_programmes");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Terms).AsJson();
    }
}

public class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("project_problems");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.EnterpriseName).HasMaxLength(200);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.Targets).HasMaxLength(2000);
        b.Property(p => p.OwnFunds).HasPrecision(14, 2);
        b.Property(p => p.Remark).HasMaxLength(500);
        b.Property(p => p.Version).IsRowVersion();
        b.HasIndex(p => new { p.Status, p.ProgrammeId });
        b.HasIndex(p => new { p.RegionCode, p.Status });
        b.HasIndex(p => p.OrganizationId);
    }
}

public class ProjectApplicationConfiguration : IEntityTypeConfiguration<ProjectApplication>
{
    private static readonly System.Text.Json.JsonSerializerOptions ResultsJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ProjectApplication> b)
    {
        b.ToTable("project_applications");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ApplicantName).HasMaxLength(200);
        b.Property(a => a.ApplicantCreditCode).HasMaxLength(18);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Summary).HasMaxLength(8000);
        b.Property(a => a.Remark).HasMaxLength(500);
        b.Property(a => a.Budget).AsJson();
        b.Property(a => a.Milestones).AsJson();
        b.Property(a => a.AttachedKinds).AsJson();
        b.Property(a => a.CheckFailures).AsJson();
        b.Property(a => a.Team).AsJson();
        b.Property(a => a.Partners).AsJson();
        b.Property(a => a.AvoidRequests).AsJson();
        // 竞争后补助's declared results: an immutable record of values (compared by value), null for the other modes.
        b.Property(a => a.Results).HasColumnType("jsonb").HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, ResultsJson),
            v => System.Text.Json.JsonSerializer.Deserialize<AchievedResults>(v, ResultsJson));
        b.Property(a => a.PosterOpinion).HasMaxLength(2000);
        b.HasIndex(a => a.PosterOrganizationId);
        b.Property(a => a.Score).HasPrecision(8, 2);
        b.Property(a => a.ApprovedAmount).HasPrecision(14, 2);
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.Requested);
        b.Ignore(a => a.OwnFunds);
        b.HasIndex(a => new { a.ProgrammeId, a.Status });
        b.HasIndex(a => new { a.OrganizationId, a.ProgrammeId });
        b.HasIndex(a => new { a.RegionCode, a.Status });
    }
}

public class PublicityConfiguration : IEntityTypeConfiguration<Publicity>
{
    public void Configure(EntityTypeBuilder<Publicity> b)
    {
        b.ToTable("project_publicities");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Objections).AsJson();
        b.Property(p => p.Decisions).AsJson();
        b.Property(p => p.Version).IsRowVersion();
        b.HasIndex(p => new { p.ProgrammeId, p.Status });
    }
}

public class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Award).HasPrecision(14, 2);
        b.Property(p => p.Conclusion).HasMaxLength(2000);
        b.Property(p => p.AcceptanceScore).HasPrecision(6, 2);
        b.Property(p => p.Milestones).AsJson();
        b.Property(p => p.Tranches).AsJson();
        b.Property(p => p.Disbursements).AsJson();
        b.Property(p => p.Reports).AsJson();
        b.Property(p => p.Changes).AsJson();
        b.Property(p => p.Version).IsRowVersion();
        b.Ignore(p => p.Disbursed);
        b.Ignore(p => p.PaidAfterAcceptance);
        b.HasIndex(p => p.PosterOrganizationId);
        b.Ignore(p => p.Outstanding);
        b.HasIndex(p => p.ApplicationId).IsUnique();
        b.HasIndex(p => new { p.RegionCode, p.Status });
        b.HasIndex(p => p.OrganizationId);
    }
}

public class ProjectSanctionConfiguration : IEntityTypeConfiguration<ProjectSanction>
{
    public void Configure(EntityTypeBuilder<ProjectSanction> b)
    {
        b.ToTable("project_sanctions");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UnitName).HasMaxLength(200);
        b.Property(s => s.UnitCreditCode).HasMaxLength(18);
        b.Property(s => s.PersonName).HasMaxLength(50);
        b.Property(s => s.PersonKey).HasMaxLength(100);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.Property(s => s.RecoveryAmount).HasPrecision(14, 4);
        b.Property(s => s.RecoveredAmount).HasPrecision(14, 4);
        b.Ignore(s => s.IsRecoveryOpen);
        // The formal check looks a unit and a team up by code and key; a project's page lists its own.
        b.HasIndex(s => s.UnitCreditCode);
        b.HasIndex(s => s.PersonKey).HasFilter("person_key IS NOT NULL");
        b.HasIndex(s => s.ProjectId);
    }
}

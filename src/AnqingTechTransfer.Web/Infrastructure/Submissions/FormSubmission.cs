using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Infrastructure.Submissions;

/// <summary>A claimed submission key (IdempotentSubmissionFilter); where the submission went once it went through. Kept a day.</summary>
public class FormSubmission
{
    public Guid UserId { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Location { get; set; }
}

public class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("form_submissions");
        b.HasKey(s => new { s.UserId, s.SubmissionKey });
        b.Property(s => s.Location).HasMaxLength(2000);
        b.HasIndex(s => s.CreatedAt);
    }
}

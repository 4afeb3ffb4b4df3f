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
    /// <summary>Set in the transaction of the submission's first write: a claim that never committed may be taken over.</summary>
    public bool Committed { get; set; }
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

/// <summary>The submission key a request claimed, and whether its writes have committed.</summary>
public sealed class SubmissionMark(Guid userId, Guid key)
{
    public Guid UserId { get; } = userId;
    public Guid Key { get; } = key;
    public bool Committed { get; set; }
}

/// <summary>Another copy of this submission committed first: this one writes nothing and is sent where that one went.</summary>
public sealed class DuplicateSubmissionException() : Exception("该表单已提交，本次重复提交未保存。");

using AnqingTechTransfer.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

/// <summary>Sent reminders: the unique key makes each reminder once, whichever instance or rerun of the job gets there first.</summary>
public class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Detail).HasMaxLength(200);
        b.HasIndex(r => new { r.Kind, r.SubjectId, r.Detail, r.DueOn }).IsUnique();
    }
}

using AnqingTechTransfer.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("mail_outbox");
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(2000);
        b.Property(m => m.Link).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(500);
        // The sender's claim: due rows still pending, oldest first.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("status = 0").HasDatabaseName("ix_mail_outbox_due");
        b.HasIndex(m => m.NotificationId).IsUnique();
    }
}

public class MailOptOutConfiguration : IEntityTypeConfiguration<MailOptOut>
{
    public void Configure(EntityTypeBuilder<MailOptOut> b)
    {
        b.ToTable("mail_opt_outs");
        b.HasKey(o => new { o.UserId, o.Kind });
    }
}

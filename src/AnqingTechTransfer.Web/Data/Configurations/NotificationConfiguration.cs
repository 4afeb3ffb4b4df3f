using AnqingTechTransfer.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AnqingTechTransfer.Web.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        b.HasIndex(n => n.RecipientUserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}

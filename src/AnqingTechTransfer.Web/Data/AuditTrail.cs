using System.Text;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AnqingTechTransfer.Web.Data;

/// <summary>Turns every state change in a save into audit rows (who, what, which record, which fields).</summary>
public static class AuditTrail
{
    public const long ChainLockKey = 7_340_800;

    public const string Created = "新增";
    public const string Modified = "修改";
    public const string Deleted = "删除";

    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(DataProtectionKey), typeof(AttachmentContent), typeof(IdentityUserToken<Guid>), typeof(PortalSecret),
        typeof(Domain.Messaging.Notification), // a consequence of audited actions; reading one is not a state change worth a row
        typeof(ImportFile), typeof(Domain.Imports.ImportJob), // an upload's bytes and its job's progress; the import itself is audited (导入)
    ];

    // Bookkeeping that changes on every sign-in; recording it would bury the changes that matter.
    private static readonly HashSet<string> Bookkeeping =
        ["ConcurrencyStamp", "AccessFailedCount", "LastTotpTimeStep", "Version", "LastSignInAt", "SearchWords", "SearchVector"];

    // Values never copied into the log (ASVS V7.1.1, PIPL): the change is recorded, the value is not.
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ContactPhone", "Phone", "PhoneNumber", "Email", "NormalizedEmail", "IdNumber", "Mobile",
         "IdNumberCipher", "IdNumberKey", "IdNumberMasked", "MobileCipher", "MobileKey", "MobileMasked", "BankAccountCipher", "BankAccountMasked"];

    public static List<AuditEntry> Collect(ChangeTracker tracker, ICurrentActor actor, DateTimeOffset now, string? clientAddress)
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var details = Describe(entry);
            if (entry.State == EntityState.Modified && details.Length == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => Created,
                EntityState.Deleted => Deleted,
                _ => Modified,
            };
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            rows.Add(new AuditEntry(now, action, AuditOutcome.Success,
                actor.UserId == Guid.Empty ? null : actor.UserId,
                actor.UserName.Length > 0 ? actor.UserName : null,
                actor.OrganizationId == Guid.Empty ? null : actor.OrganizationId,
                entry.Metadata.ClrType.Name, key, clientAddress, details));
        }

        return rows;
    }

    private static string Describe(EntityEntry entry)
    {
        var text = new StringBuilder();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Bookkeeping.Contains(name) || property.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }

            if (entry.State == EntityState.Deleted)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(name).Append(": ");
            if (Secret.Contains(name))
            {
                text.Append("（已变更，不记录内容）");
            }
            else if (entry.State == EntityState.Modified)
            {
                text.Append(Format(property.OriginalValue)).Append(" → ").Append(Format(property.CurrentValue));
            }
            else
            {
                text.Append(Format(property.CurrentValue));
            }
        }

        return text.ToString();
    }

    private static string Format(object? value)
    {
        var text = value switch
        {
            null => "∅",
            DateTimeOffset d => d.ToString("u"),
            _ => value.ToString() ?? string.Empty,
        };
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}

using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>The records the matrix tries: each owned by one tenant, so the others must not reach them.</summary>
public sealed record MatrixIds(Guid PendingOrganization, Guid AqnuStaffUser, Guid Licence, Guid EntAMessage, Guid CodeEntry);

public class MatrixFixture : PortalFixture
{
    public MatrixIds Ids { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Ids = await WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var aqnu = await db.Users.Where(u => u.UserName == "univ.aqnu").Select(u => u.OrganizationId).SingleAsync();
            var staff = new PortalUser { UserName = "aqnu.staff", DisplayName = "师大职员", OrganizationId = aqnu, PasswordChangedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(staff, "Aqnu#Staff2026")).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(staff, "University");

            var pending = await db.Organizations.SingleAsync(o => o.Name == "怀宁县皖河智能装备有限公司");
            var licence = Attachment.Create("Organization", pending.Id, pending.Id, pending.RegionCode, "执照.pdf", FileKind.Pdf, 8, new string('0', 64), Guid.Empty, DateTimeOffset.UtcNow);
            db.Attachments.Add(licence);
            db.AttachmentContents.Add(new AttachmentContent { Id = licence.Id, Bytes = "%PDF-1.4"u8.ToArray() });
            pending.AttachLicence(licence.Id);

            var entA = await db.Users.SingleAsync(u => u.UserName == "ent.a");
            var message = Notification.To(entA.Id, "矩阵测试消息", "正文", null, DateTimeOffset.UtcNow);
            db.Notifications.Add(message);
            await db.SaveChangesAsync();
            var entry = await db.CodeEntries.Where(c => c.Table == "plan-source").Select(c => c.Id).FirstAsync();
            return new MatrixIds(pending.Id, staff.Id, licence.Id, message.Id, entry);
        });
    }
}

using System.Net;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Messages;

public class MessageTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_user_reads_their_own_messages_and_nobody_elses()
    {
        var id = await fx.WithDbAsync(async (db, sp) =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "ent.a");
            sp.GetRequiredService<Notifier>().ToUser(user.Id, "测试通知", "正文内容", "/workspace");
            await db.SaveChangesAsync();
            return await db.Notifications.Where(n => n.RecipientUserId == user.Id).Select(n => n.Id).SingleAsync();
        });

        var owner = await fx.As("ent.a");
        (await owner.GetPageAsync("/workspace")).QuerySelector("#nav-unread-count")!.TextContent.Should().Be("1");
        (await owner.GetPageAsync($"/messages/{id}")).QuerySelector("#message-body")!.TextContent.Should().Be("正文内容");
        (await owner.GetPageAsync("/workspace")).QuerySelector("#nav-unread-count").Should().BeNull("reading it marks it read");

        var other = await fx.As("ent.b");
        (await other.GetAsync($"/messages/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/messages")).QuerySelector("#message-list")!.TextContent.Should().NotContain("测试通知");
    }
}

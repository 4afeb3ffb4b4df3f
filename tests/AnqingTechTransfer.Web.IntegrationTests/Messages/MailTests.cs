using System.Net;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AnqingTechTransfer.Web.IntegrationTests.Messages;

/// <summary>Issue 25 §1: a message and its e-mail are written with the change, sent through a real SMTP server, once.</summary>
public class MailTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const int NothingListens = 1;

    private async Task<string> UseAddressAsync(string user, params MessageKind[] off)
    {
        var address = TestMailbox.NewAddress(user);
        var client = await fx.As(user);
        var response = await client.PostPairsAsync("/account/notifications",
            [("Email", address), .. MessageKinds.All.Except(off).Select(k => ("MailKinds", k.ToString()))]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return address;
    }

    private Task<int> SendAsync(int? port = null) => fx.WithDbAsync((_, sp) => TestMailbox.Sender(sp, fx.Clock, port).SendDueAsync(CancellationToken.None));

    private static string Text(MimeMessage m) => m.TextBody ?? string.Empty;

    [Fact]
    public async Task A_published_need_tells_its_owner_in_the_portal_and_by_mail_exactly_once_even_when_the_first_send_fails()
    {
        var address = await UseAddressAsync("ent.a");
        var ent = await fx.As("ent.a");
        var deadline = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddMonths(6).ToString("yyyy-MM-dd");
        (await ent.PostFormAsync("/needs/new", new Dictionary<string, string>
        {
            ["Title"] = "邮件通知测试需求", ["Summary"] = "需开发耐候性更好的聚丙烯材料", ["FieldCode"] = "06", ["Keywords"] = "聚丙烯", ["Modes"] = "Commissioned",
            ["ContactName"] = "张伟明", ["ContactPhone"] = "13805561234", ["Targets"] = "老化后强度保持≥90%", ["BudgetMin"] = "50", ["BudgetMax"] = "200", ["Deadline"] = deadline,
        }, "/needs/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var need = await fx.WithDbAsync((db, _) => db.TechNeeds.AsNoTracking().SingleAsync(n => n.Title == "邮件通知测试需求"));
        await (await fx.As("county.huaining")).PostFormAsync($"/needs/{need.Id}/review", new() { ["publish"] = "true", ["version"] = need.Version.ToString() }, $"/needs/{need.Id}");
        (await fx.WithDbAsync((db, _) => db.TechNeeds.AsNoTracking().Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync())).Should().Be(ListingStatus.Published);

        // Written with the change: the message and its mail, in the same transaction.
        var outbox = await fx.WithDbAsync((db, _) => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Link == $"/needs/{need.Id}"));
        outbox.Kind.Should().Be(MessageKind.Market);
        outbox.Status.Should().Be(MailStatus.Pending);
        (await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().CountAsync(n => n.Id == outbox.NotificationId && n.Kind == MessageKind.Market))).Should().Be(1);

        // The mail server is down: nothing is lost, the mail waits and is tried again later.
        await SendAsync(NothingListens);
        var failed = await fx.WithDbAsync((db, _) => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == outbox.Id));
        failed.Status.Should().Be(MailStatus.Pending);
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().Contain("邮件服务器不可达");
        failed.NextAttemptAt.Should().BeAfter(fx.Clock.GetUtcNow());
        await SendAsync();
        TestMailbox.To(address).Should().BeEmpty("the retry waits for its time");

        fx.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync();
        await SendAsync();
        var mail = TestMailbox.To(address).Should().ContainSingle("a mail is sent once, however often the sender runs").Subject;
        mail.Subject.Should().Be("技术需求已审核发布");
        Text(mail).Should().Contain("您单位的技术需求《邮件通知测试需求》已审核通过并公开发布。").And.Contain($"https://kjcg.anqing.test/needs/{need.Id}");
        mail.From.Mailboxes.Single().Name.Should().Be("安庆市科技成果转化应用服务平台");
        mail.MessageId.Should().StartWith(outbox.Id.ToString("N"));
        (await fx.WithDbAsync((db, _) => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == outbox.Id))).Status.Should().Be(MailStatus.Sent);
    }

    [Fact]
    public async Task A_kind_switched_off_comes_only_to_the_portal_and_a_user_without_an_address_gets_no_mail()
    {
        var address = await UseAddressAsync("ent.b", MessageKind.Market);
        var ids = await fx.WithDbAsync(async (db, sp) =>
        {
            var users = await db.Users.Where(u => u.UserName == "ent.b" || u.UserName == "univ.aqnu").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var notifier = sp.GetRequiredService<Notifier>();
            notifier.ToUser(users["ent.b"], "对接测试消息", "市场类消息", "/docking", MessageKind.Market);
            notifier.ToUser(users["ent.b"], "合同测试消息", "合同类消息", "/contracts", MessageKind.Contracts);
            notifier.ToUser(users["univ.aqnu"], "无邮箱测试消息", "没有邮箱的用户", "/workspace", MessageKind.Contracts);
            await db.SaveChangesAsync();
            return users;
        });

        await SendAsync();
        TestMailbox.To(address).Select(m => m.Subject).Should().Equal("合同测试消息");
        var rows = await fx.WithDbAsync((db, _) => db.OutboxMails.AsNoTracking().Where(m => m.Subject.EndsWith("测试消息")).ToDictionaryAsync(m => m.Subject));
        rows["对接测试消息"].Status.Should().Be(MailStatus.Skipped);
        rows["对接测试消息"].LastError.Should().Be("用户已关闭此类邮件");
        rows["无邮箱测试消息"].Status.Should().Be(MailStatus.Skipped);
        rows["无邮箱测试消息"].LastError.Should().Be("未填写邮箱地址");
        var inPortal = await (await fx.As("ent.b")).GetPageAsync("/messages");
        inPortal.QuerySelector("#message-list")!.TextContent.Should().Contain("对接测试消息", "switching off the mail keeps the message");
        ids.Should().ContainKey("univ.aqnu");
    }

    [Fact]
    public async Task Two_senders_at_once_send_every_mail_exactly_once()
    {
        var address = await UseAddressAsync("agency.a");
        await fx.WithDbAsync(async (db, sp) =>
        {
            var user = await db.Users.Where(u => u.UserName == "agency.a").Select(u => u.Id).SingleAsync();
            var notifier = sp.GetRequiredService<Notifier>();
            for (var i = 0; i < 45; i++)
            {
                notifier.ToUser(user, $"并发测试 {i:00}", "正文", null, MessageKind.Reminders);
            }

            await db.SaveChangesAsync();
        });

        async Task<int> Drain()
        {
            var total = 0;
            int sent;
            while ((sent = await SendAsync()) > 0)
            {
                total += sent;
            }

            return total;
        }

        var both = await Task.WhenAll(Drain(), Drain());
        both.Sum().Should().Be(45);
        var mails = TestMailbox.To(address);
        mails.Should().HaveCount(45);
        mails.Select(m => m.Subject).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task The_settings_keep_bad_input_next_to_the_field_and_save_nothing()
    {
        var client = await fx.As("bank.a");
        var page = await client.GetPageAsync("/account/notifications");
        page.QuerySelectorAll("#mail-kinds input[type=checkbox]").Should().HaveCount(MessageKinds.All.Count);
        page.QuerySelectorAll("#mail-kinds input[checked]").Should().HaveCount(MessageKinds.All.Count, "every kind comes by mail until switched off");

        var bad = await client.PostFormAsync("/account/notifications", new Dictionary<string, string> { ["Email"] = "不是邮箱", ["MailKinds"] = "Contracts" }, "/account/notifications");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = PortalClient.Parse(await bad.Content.ReadAsStringAsync());
        shown.QuerySelector("#Email-error")!.TextContent.Should().Contain("邮箱地址格式不正确");
        shown.QuerySelector("#Email")!.GetAttribute("value").Should().Be("不是邮箱", "what was typed comes back");
        shown.QuerySelectorAll("#mail-kinds input[checked]").Should().ContainSingle("the boxes as they were ticked");
        (await fx.WithDbAsync((db, _) => db.MailOptOuts.AsNoTracking().CountAsync(o => db.Users.Any(u => u.Id == o.UserId && u.UserName == "bank.a")))).Should().Be(0, "nothing is saved");

        (await client.PostFormAsync("/account/notifications", new Dictionary<string, string> { ["Email"] = new string('a', 20_000) + "@x.cn", ["MailKinds"] = "999" }, "/account/notifications"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostFormAsync("/account/notifications", new Dictionary<string, string> { ["Email"] = "zhang@example.cn", ["MailKinds"] = "Contracts" }, "/account/notifications"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await client.GetPageAsync("/account/notifications");
        saved.QuerySelector("#Email")!.GetAttribute("value").Should().Be("zhang@example.cn");
        saved.QuerySelectorAll("#mail-kinds input[checked]").Select(i => i.GetAttribute("value")).Should().Equal("Contracts");
    }
}

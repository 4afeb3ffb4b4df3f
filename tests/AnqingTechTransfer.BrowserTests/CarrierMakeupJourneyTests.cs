using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 24 §5–§6: a consortium's host adds a member on the carrier page; a lead department publishes a notice on its measure and the public finds it.</summary>
[Collection(BrowserCollection.Name)]
public class CarrierMakeupJourneyTests(BrowserFixture fx)
{
    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }
    }

    [Fact]
    public async Task A_host_adds_a_consortium_member_and_a_lead_department_publishes_a_notice_the_public_finds()
    {
        var consortium = await WithDbAsync(async db =>
        {
            var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var carrier = Carrier.Register("旅程测试：安庆化工新材料创新联合体", CarrierType.InnovationConsortium, CarrierLevel.Municipal, host.Id, host.Name, host.CreditCode,
                string.Empty, host.RegionCode, null, string.Empty, CarrierStatus.Cultivating, DateTimeOffset.UtcNow);
            carrier.AddMember(host.Id, host.Name, ConsortiumRole.Lead, "总体设计与产业化", DateTimeOffset.UtcNow);
            db.Carriers.Add(carrier);
            await db.SaveChangesAsync();
            return carrier.Id;
        });
        var aqnu = await WithDbAsync(db => db.Organizations.AsNoTracking().Where(o => o.Name == "安庆师范大学").Select(o => o.CreditCode).SingleAsync());

        await using (var host = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await host.GoAsync($"/carriers/{consortium}");
            await host.Page.FillAsync("#member-code", aqnu);
            await host.Page.SelectOptionAsync("#member-role", "Member");
            await host.Page.FillAsync("#member-duty", "关键材料研发与中试验证");
            await host.Page.ClickAsync("#member-btn");
            var table = await host.Page.TextContentAsync("#member-table");
            table.Should().Contain("安庆师范大学").And.Contain("成员单位").And.Contain("关键材料研发与中试验证").And.Contain("牵头单位");
            await host.ExpectCleanAsync("a consortium's page for its host");
            await host.ScreenshotAsync("carrier-consortium-1366");
            await host.Page.SetViewportSizeAsync(390, 844);
            await host.Page.ReloadAsync();
            await host.ExpectCleanAsync("a consortium's page on a phone");
            await host.ScreenshotAsync("carrier-consortium-390");
        }

        await using (var dept = await PortalPage.OpenAsAsync(fx, "dept.jxj"))
        {
            await dept.GoAsync("/notices");
            await dept.Page.ClickAsync("#new-notice");
            var options = dept.Page.Locator("#MeasureId option");
            (await options.CountAsync()).Should().BeGreaterThan(1, "its own measures are offered");
            await dept.Page.SelectOptionAsync("#MeasureId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
            await dept.Page.FillAsync("#Title", "旅程测试：关于报送首台套产品推广清单的通知");
            await dept.Page.FillAsync("#Body", "请各企业于月底前通过本平台报送首台套产品推广应用清单。");
            await dept.ExpectCleanAsync("a lead department's notice form");
            await dept.ScreenshotAsync("notice-lead-form-1366");
            await dept.Page.ClickAsync("#publish-notice");
            (await dept.Page.TextContentAsync("#notice-publisher")).Should().Be("安庆市经济和信息化局");
            (await dept.Page.TextContentAsync("#notice-measure")).Should().Contain("关联任务：任务");
        }

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/notices");
            await visitor.Page.FillAsync("#q", "推广应用清单");
            await visitor.Page.ClickAsync("#notice-search-btn");
            var list = await visitor.Page.TextContentAsync("#notice-list");
            list.Should().Contain("旅程测试：关于报送首台套产品推广清单的通知").And.Contain("安庆市经济和信息化局");
            await visitor.ExpectCleanAsync("the notices searched");
            await visitor.ScreenshotAsync("notice-search-1366");
            await visitor.Page.SetViewportSizeAsync(390, 844);
            await visitor.Page.ReloadAsync();
            await visitor.ExpectCleanAsync("the notices searched on a phone");
            await visitor.ScreenshotAsync("notice-search-390");
        }
    }
}

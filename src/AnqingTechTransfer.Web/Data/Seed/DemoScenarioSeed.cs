using AnqingTechTransfer.Domain.Carriers;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Demo scenarios at each step: 高新区's published one (matching 北化工's catalyst result), 经开区's published one (matching
/// 安庆师范大学's extraction result), 华宁新材料's awaiting 怀宁县's review, and the 场景促进中心's draft for 潜山市.
/// </summary>
public static class DemoScenarioSeed
{
    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> ids, DateTimeOffset now)
    {
        if (await db.Scenarios.AnyAsync())
        {
            return;
        }

        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Scenario Record(string org, string region, string title, string place, string problem, string field, string[] keywords, int days, int minute)
        {
            var o = orgs[ids[org]];
            var s = Scenario.Record(o.Id, o.Name, region, title, place, problem, field, keywords, today.AddDays(days), today, now.AddMinutes(minute));
            db.Scenarios.Add(s);
            return s;
        }

        var gxq = Record("gxq", "3408GX", "化工园区加氢装置催化剂首试", "高新区化工新材料园", "园区加氢装置希望试用国产高选择性催化剂，提供中试装置和检测条件。", "06",
            ["催化剂", "加氢"], 60, 1);
        gxq.Submit(today);
        gxq.Approve(orgs[ids["gxq"]].Name, today, now.AddMinutes(2));
        var jkq = Record("jkq", "340871", "中药饮片连续化提取示范线", "经开区医药产业园", "园区中药企业拟建连续化提取示范线，征集成熟的连续提取与在线检测技术。", "05",
            ["中药", "提取"], 45, 3);
        jkq.Submit(today);
        jkq.Approve(orgs[ids["jkq"]].Name, today, now.AddMinutes(4));
        Record("ent-a", "340822", "新材料中试车间数字孪生", "华宁新材料中试车间", "中试车间希望应用数字孪生技术实现工艺参数在线优化。", "01", ["数字孪生", "中试"], 40, 5)
            .Submit(today);
        Record("scene", "340882", "潜山市智慧茶园病虫害监测", "潜山市天柱山茶园", "茶园病虫害依靠人工巡查，拟试用图像识别监测。", "01", ["图像识别", "监测"], 50, 6);
        await db.SaveChangesAsync();
    }
}

using AnqingTechTransfer.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>A small published market: needs of the two demo enterprises and results of the two demo institutions, so the suggestions have something to show.</summary>
public static class DemoMarketSeed
{
    private static readonly (string Org, string Title, string Summary, string Field, string[] Keywords, CooperationModes Modes, decimal? Min, decimal? Max)[] Needs =
    [
        ("ent-a", "高选择性加氢催化剂开发", "现有镍系加氢催化剂选择性不足90%，副产物多，需开发选择性≥95%、寿命≥2000小时的新型催化剂。", "06", ["催化剂", "加氢", "新材料"],
            CooperationModes.Commissioned | CooperationModes.Cooperation, 50, 200),
        ("ent-a", "电子级光刻胶树脂金属离子脱除", "光刻胶树脂中钠、铁离子含量偏高，影响下游良率，需金属离子≤10ppb的纯化工艺。", "06", ["光刻胶", "纯化"], CooperationModes.Transfer | CooperationModes.Licence, 100, 500),
        ("ent-b", "中药提取物连续化生产工艺", "现有间歇式提取能耗高、批次差异大，需连续逆流提取与在线质量控制方案。", "05", ["中药", "连续化", "提取"], CooperationModes.Commissioned, 30, 120),
        ("ent-b", "生物发酵废液资源化利用", "发酵废液处理成本高，希望回收有机质制备生物肥料。", "08", ["发酵", "废液", "资源化"], CooperationModes.Cooperation | CooperationModes.Transfer, null, null),
    ];

    private static readonly (string Org, string Title, string Summary, string Field, string[] Keywords, CooperationModes Modes, int Trl, IpKind Ip, string IpNo, decimal? Price)[] Results =
    [
        ("buct", "绿色催化材料制备技术", "以介孔分子筛负载贵金属制备加氢催化剂，选择性达96%，已完成公斤级放大。", "06", ["催化剂", "加氢", "分子筛"],
            CooperationModes.Commissioned | CooperationModes.Transfer, 6, IpKind.InventionPatent, "ZL202210000001.1", 150),
        ("buct", "树脂超滤耦合深度纯化工艺", "螯合树脂与超滤耦合，金属离子脱除至5ppb以下，适用于电子化学品。", "06", ["纯化", "电子化学品"], CooperationModes.Licence, 5, IpKind.InventionPatent, "ZL202310000002.2", null),
        ("aqnu", "中药有效成分连续逆流提取装置", "多级连续逆流提取，溶剂消耗降低40%，配套近红外在线检测。", "05", ["中药", "提取", "在线检测"], CooperationModes.Commissioned | CooperationModes.Cooperation, 7,
            IpKind.UtilityModel, "ZL202220000003.3", 80),
        ("aqnu", "农业废弃物制备生物有机肥技术", "以发酵残渣为原料，复合菌剂好氧堆肥，产品达到有机肥标准。", "08", ["资源化", "有机肥"], CooperationModes.Transfer, 8, IpKind.TradeSecret, "", 60),
    ];

    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> ids, DateTimeOffset now)
    {
        if (await db.TechNeeds.AnyAsync())
        {
            return;
        }

        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var i = 0;
        foreach (var n in Needs)
        {
            var org = orgs[ids[n.Org]];
            var need = TechNeed.Post(org.Id, org.Name, org.RegionCode, now.AddMinutes(i++));
            need.Edit(n.Title, n.Summary, n.Field, n.Keywords, n.Modes, new Contact("王工", "1380556" + (1000 + i)), "", n.Min, n.Max, today.AddMonths(8), today);
            need.Review(true, null, now.AddMinutes(i));
            db.TechNeeds.Add(need);
        }

        foreach (var r in Results)
        {
            var org = orgs[ids[r.Org]];
            var result = TechResult.Post(org.Id, org.Name, org.RegionCode, now.AddMinutes(i++));
            result.Edit(r.Title, r.Summary, r.Field, r.Keywords, r.Modes, new Contact("李老师", "1390556" + (1000 + i)), r.Trl, r.Ip, r.IpNo, org.Name, r.Price, "课题组5人");
            result.Review(true, null, now.AddMinutes(i));
            db.TechResults.Add(result);
        }

        await db.SaveChangesAsync();
    }
}

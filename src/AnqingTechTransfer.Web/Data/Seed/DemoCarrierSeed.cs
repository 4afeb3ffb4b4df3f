using AnqingTechTransfer.Domain.Carriers;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>A few carriers: a pilot base and an incubator hosted by demo organizations, and two transfer agencies for the ranking.</summary>
public static class DemoCarrierSeed
{
    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> ids, DateTimeOffset now)
    {
        if (await db.Carriers.AnyAsync())
        {
            return;
        }

        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Carrier Hosted(string key, string name, CarrierType type, CarrierLevel level, int year, string coBuilder = "")
        {
            var host = orgs[ids[key]];
            var c = Carrier.Register(name, type, level, host.Id, host.Name, host.CreditCode, coBuilder, host.RegionCode, year, "第一批", CarrierStatus.Recognised, now);
            db.Carriers.Add(c);
            return c;
        }

        var pilot = Hosted("buct", "安庆化工新材料中试基地", CarrierType.PilotBaseIndustry, CarrierLevel.Municipal, 2024, "北京化工大学");
        pilot.UpdateProfile("李老师", "13905560000", "精细化工、催化材料百公斤级中试，配套分析检测。", []);
        db.PilotServices.Add(PilotService.Publish(pilot, "催化材料百公斤级放大", "200L高压反应釜、固定床评价装置", "百公斤级", "5–30万元", now));
        var agency = Hosted("agency-a", "安庆皖江技术转移中心", CarrierType.TransferAgency, CarrierLevel.Municipal, 2023);
        agency.UpdateProfile("周经理", "0556-5550701", "技术评估、专利运营、成果转化全流程服务。", ["周文", "钱敏"]);
        Hosted("aqnu", "安庆师范大学技术转移中心", CarrierType.TransferAgency, CarrierLevel.Provincial, 2022);
        Hosted("gxq", "安庆高新区科技企业孵化器", CarrierType.Incubator, CarrierLevel.Provincial, 2021);
        db.Carriers.Add(Carrier.Register("安徽科技大市场安庆分市场", CarrierType.TransferAgency, CarrierLevel.Provincial, Guid.Empty, "安徽科技大市场安庆分市场", string.Empty,
            string.Empty, "340802", 2021, "", CarrierStatus.Recognised, now));
        await db.SaveChangesAsync();
    }
}

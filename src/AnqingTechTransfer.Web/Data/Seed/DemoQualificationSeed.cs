using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Demo high-tech certificates and tech-SME registrations across the counties and parks (as if imported from the
/// provincial lists), plus one certificate ent.a entered that awaits 怀宁县's confirmation. Deterministic; the numbers
/// are demo values, not Anqing's official figures.
/// </summary>
public static class DemoQualificationSeed
{
    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> organizations, DateTimeOffset now)
    {
        if (await db.HighTechRecords.AnyAsync())
        {
            return;
        }

        var regions = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).ToArray();
        var random = new Random(2025);
        for (var i = 0; i < 160; i++)
        {
            var region = regions[i % regions.Length];
            var code = CreditCode.Complete($"91340800MA2W{i:D5}");
            var name = $"{region.Name}示范科技企业{i / regions.Length + 1}号";
            var issued = new DateOnly(2018 + random.Next(8), 1 + random.Next(12), 1 + random.Next(28));
            db.HighTechRecords.Add(HighTechRecord.Create(code, name, region.Code, null, $"GR{issued.Year}34{i:D6}", issued,
                i % 9 == 0 ? HighTechMode.Filing : HighTechMode.Recognition, (1 + i % 8).ToString("D2"), QualificationSource.Imported, now));
            if (issued.Year <= 2022 && i % 3 == 0)
            {
                // re-recognised three years later: counted once while the two overlap
                var renewed = issued.AddYears(3).AddDays(-20);
                db.HighTechRecords.Add(HighTechRecord.Create(code, name, region.Code, null, $"GR{renewed.Year}34{i:D6}", renewed,
                    HighTechMode.Recognition, (1 + i % 8).ToString("D2"), QualificationSource.Imported, now));
            }

            for (var year = 2021; year <= 2026; year++)
            {
                if (random.Next(3) > 0)
                {
                    db.TechSmeRecords.Add(TechSmeRecord.Create(code, name, region.Code, null, year, $"{year}3408{i:D8}", QualificationSource.Imported, now));
                }
            }
        }

        var entA = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizations["ent-a"]);
        db.HighTechRecords.Add(HighTechRecord.Create(entA.CreditCode, entA.Name, entA.RegionCode, entA.Id, "GR202534000321", new DateOnly(2025, 11, 20),
            HighTechMode.Recognition, "04", QualificationSource.Entered, now));

        // 专精特新: a few provincial and national ones; ent.b's own entry waits for 怀宁县.
        for (var i = 0; i < 24; i++)
        {
            var region = regions[i % regions.Length];
            db.SpecializedRecords.Add(SpecializedRecord.Create(CreditCode.Complete($"91340800MA2W{i * 5:D5}"), $"{region.Name}示范科技企业{i * 5 / regions.Length + 1}号",
                region.Code, null, i % 6 == 0 ? SpecializedLevel.NationalLittleGiant : SpecializedLevel.Provincial, 2021 + i % 5, QualificationSource.Imported, now));
        }

        // 高企培育库: 怀宁县 and 高新区 cultivate a few enterprises, with their gaps and follow-up.
        var cultivated = new[]
        {
            ("340822", "怀宁县新材料科技有限公司", new ReadinessFigures(3_200m, 4.1m, 12m, 65m, 3)),
            ("340822", "怀宁县智能装备制造有限公司", new ReadinessFigures(12_000m, 4.6m, 9m, 58m, 0)),
            ("340822", "怀宁县生物医药科技有限公司", new ReadinessFigures(null, null, 15m, null, 2)),
            (AnqingRegions.HighTechZone, "安庆高新区化工新材料有限公司", new ReadinessFigures(26_000m, 3.5m, 11m, 72m, 5)),
        };
        foreach (var ((region, name, figures), i) in cultivated.Select((c, i) => (c, i)))
        {
            var entry = CultivationEntry.Mark(CreditCode.Complete($"91340800MA2X{i:D5}"), name, region, null, 2027, figures, "示例数据", now);
            db.CultivationEntries.Add(entry);
            entry.AddNote("走访企业，讲解高新技术企业认定条件和研发费用归集口径。", "示例数据", now.AddDays(-20));
        }

        await db.SaveChangesAsync();
    }
}

using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Demo registration points (the city's and the high-tech zone's) and a few hundred contracts across every workflow
/// state, type, field, county and park, plus 吸纳 rows imported from elsewhere. Deterministic (fixed random seed).
/// </summary>
public static class DemoContractSeed
{
    public const string CityPointCode = "01";
    public const string ParkPointCode = "02";

    private static readonly string[] Topics =
    [
        "高性能钨铼合金靶盘", "丁二烯直接氢氰化制己二腈", "功能性光刻胶", "工业扫码设备", "新能源汽车动力电池热管理", "绿色催化材料",
        "石化装置智能巡检", "生物医药中间体合成", "农产品冷链保鲜", "高分子复合材料", "智能网联汽车零部件", "工业互联网平台",
        "精细化工废水处理", "中药材质量追溯", "纺织面料功能整理", "光伏组件回收", "医用高分子导管", "茶叶智能加工",
    ];

    private static readonly (string Name, string Code, string Division)[] External =
    [
        ("合肥工业大学", "12340000485002374K", "340100"), ("浙江大学", "12330000470003281Q", "330100"), ("中国科学技术大学", "12100000400010398P", "340100"),
        ("北京化工大学", "12100000400689418E", "110100"), ("江苏某新材料有限公司", "91320500MA1MXXXX1T", "320500"),
    ];

    /// <summary>Sellers abroad for the technology imports, with their 国别(地区) codes.</summary>
    private static readonly (string Name, string Country)[] ForeignSellers =
    [
        ("Fraunhofer-Gesellschaft（德国弗劳恩霍夫协会）", "304"), ("株式会社東レ技術研究所（日本）", "116"), ("Korea Institute of Industrial Technology（韩国）", "133"),
    ];

    /// <summary>The 6-digit division code of an organization (a park's organizations carry the park's portal code).</summary>
    private static string Division(Organization o) => o.RegionCode.All(char.IsAsciiDigit) ? o.RegionCode : CreditCode.RegistrationRegion(o.CreditCode);

    private static readonly Dictionary<string, string> FilerUsers = new()
    {
        ["ent-a"] = "ent.a", ["ent-b"] = "ent.b", ["aqnu"] = "univ.aqnu", ["buct"] = "univ.buct", ["agency-a"] = "agency.a",
    };

    public static async Task RunAsync(PortalDbContext db, IReadOnlyDictionary<string, Guid> organizations, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now)
    {
        if (await db.RegistrationPoints.AnyAsync(p => p.Code == CityPointCode))
        {
            return;
        }

        var importPoint = await db.RegistrationPoints.SingleAsync(p => p.Code == ReferenceSeed.ImportPointCode);

        var city = RegistrationPoint.Create("安庆市技术合同登记点（市科技成果转化服务中心）", CityPointCode, AnqingRegions.City, "安庆市迎江区人民路", "沈登记员", "0556-5500001", now);
        var park = RegistrationPoint.Create("安庆高新区技术合同登记点", ParkPointCode, AnqingRegions.HighTechZone, "安庆高新区创新大道", "韩登记员", "0556-5500002", now);
        db.RegistrationPoints.AddRange(city, park);
        db.RegistrationPointRegistrars.Add(new RegistrationPointRegistrar(city.Id, users["registrar.city"], now));
        db.RegistrationPointRegistrars.Add(new RegistrationPointRegistrar(park.Id, users["registrar.gxq"], now));

        var orgs = await db.Organizations.AsNoTracking().Where(o => organizations.Values.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var filers = new[] { "ent-a", "ent-b", "aqnu", "buct", "agency-a" };
        var buyers = new[] { "ent-a", "ent-b", "aqnu", "buct" };
        var regions = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).ToArray();
        var random = new Random(2021);
        var serials = new Dictionary<(Guid, int), int>();
        var calendar = new WorkingDayCalendar(WorkingDayCalendar.China2025To2026);
        var registrar = new ContractActor(users["registrar.city"], "registrar.city");
        var parkRegistrar = new ContractActor(users["registrar.gxq"], "registrar.gxq");
        var bureau = new ContractActor(users["bureau"], "bureau");

        for (var i = 0; i < 260; i++)
        {
            var filer = orgs[organizations[filers[i % filers.Length]]];
            var filerUser = FilerUsers[filers[i % filers.Length]];
            var filerActor = new ContractActor(users[filerUser], filerUser);
            var point = filer.RegionCode == AnqingRegions.HighTechZone || i % 5 == 0 ? park : city;
            var decider = point == park ? parkRegistrar : registrar;
            var signed = new DateOnly(2021 + i % 6, 1 + random.Next(12), 1 + random.Next(28));
            if (signed > DateOnly.FromDateTime(now.UtcDateTime))
            {
                signed = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(30, 300));
            }

            var stage = random.Next(100);
            var at = new DateTimeOffset(signed.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddDays(random.Next(1, 20)).ToUniversalTime();
            if (stage < 24)
            {
                // Still in the queue: filed in the last few weeks, so the registrar's queue shows live, mostly timely work.
                at = now.AddDays(-random.Next(3, 25)).AddHours(-random.Next(0, 8));
                signed = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-random.Next(1, 10));
            }
            var type = (TechContractType)(1 + random.Next(5));
            var subTypes = ContractTypeNames.SubTypesOf(type).ToList();
            var amount = Math.Round((decimal)(random.NextDouble() * random.NextDouble()) * 900m + 5m, 2);
            var local = random.Next(10) < 6;
            var buyerOrg = local ? orgs[organizations[buyers[(i + 1) % buyers.Length]]] : null;
            if (buyerOrg?.Id == filer.Id)
            {
                buyerOrg = orgs[organizations[buyers[(i + 2) % buyers.Length]]];
            }

            var region = regions[random.Next(regions.Length)];
            var buyerParty = buyerOrg is null
                ? new ContractParty($"{region.Name}示范企业{i % 17 + 1}号", CreditCode.Complete($"91{(region.Code.All(char.IsAsciiDigit) ? region.Code : "340800")}MA2P{i:D5}"), "142", region.Code.All(char.IsAsciiDigit) ? region.Code : "340811", "170")
                : new ContractParty(buyerOrg.Name, buyerOrg.CreditCode, "142", buyerOrg.RegionCode.All(char.IsAsciiDigit) ? buyerOrg.RegionCode : "340811", "150");
            var terms = new ContractTerms($"{Topics[i % Topics.Length]}{(type == TechContractType.Consulting ? "技术咨询" : type == TechContractType.Service ? "技术服务" : "项目")}（{i + 1:D3}）",
                type, subTypes.Count == 0 ? null : subTypes[random.Next(subTypes.Count)], type == TechContractType.Licence ? LicenceScope.NonExclusive : null, false,
                new ContractParty(filer.Name, filer.CreditCode, "142", filer.RegionCode.All(char.IsAsciiDigit) ? filer.RegionCode : "340811", filer.Kind == OrganizationKind.Enterprise ? "150" : "022"),
                buyerParty, filer.Id, buyerOrg?.Id, filer.RegionCode, buyerOrg?.RegionCode ?? (region.Kind == RegionKind.Park ? region.Code : region.Code),
                (1 + random.Next(11)).ToString("D2"), (1 + random.Next(10)).ToString("D2"), (1 + random.Next(8)).ToString("D2"), (1 + random.Next(13)).ToString("D2"),
                signed, signed, signed.AddYears(1 + random.Next(3)), amount, random.Next(4) == 0 ? [new Deduction("购置设备", Math.Round(amount * 0.1m, 2))] : [],
                (PaymentMode)(1 + random.Next(4)), i % 7 == 0 ? organizations["agency-a"] : null, i % 7 == 0 ? orgs[organizations["agency-a"]].Name : null,
                type == TechContractType.Transfer ? Math.Round(amount * 2, 2) : null, type == TechContractType.Transfer ? Math.Round(amount * 5, 2) : null,
                ResponsiblePerson: $"{filer.Name[..Math.Min(2, filer.Name.Length)]}负责人", FilledBy: filerUser, FilledOn: TechContract.BeijingDate(at));
            var contract = TechContract.Draft(point.Id, filer.Id, at, filerActor, terms);
            if (stage >= 6)
            {
                contract.Submit(at, filerActor, Attach(db, contract, filer.RegionCode, filerActor, at));
            }

            if (stage >= 14)
            {
                contract.Accept(at.AddDays(1), DateOnly.FromDateTime(at.AddDays(1).UtcDateTime), decider, calendar, false, 15, 30);
            }

            if (stage >= 20)
            {
                contract.StartReview(at.AddDays(2), decider);
            }

            if (stage is >= 24 and < 30)
            {
                contract.Refuse(at.AddDays(3), decider, (RefusalReason)(1 + random.Next(8)), "示例：材料不符合认定条件");
            }
            else if (stage is >= 30 and < 34)
            {
                contract.ReturnForCorrection(at.AddDays(3), decider, "示例：请补充合同签章页");
            }
            else if (stage >= 34)
            {
                var registeredAt = at.AddDays(5);
                if (i % 9 == 0 && contract.Deductions.Count > 0)
                {
                    // The registrar's 认定: the declared equipment is kept, materials the filer left out are added.
                    contract.AssessTechAmount(registeredAt, decider,
                    [
                        .. DeductionAssessment.AsDeclared(contract.Deductions),
                        new AssessedDeduction("原材料", null, Math.Round(contract.ContractAmount * 0.05m, 2), "示例：合同附件列明的原材料采购，属非技术性支出"),
                    ]);
                }

                if (!contract.Approve(registeredAt, decider, null))
                {
                    contract.ConfirmSecondReview(bureau);
                    decider = bureau;
                }

                var year = Features.Shared.Display.Local(registeredAt).Year;
                var serial = serials[(point.Id, year)] = serials.GetValueOrDefault((point.Id, year)) + 1;
                contract.Register(registeredAt, decider, RegistrationNumber.Format(RegistrationNumber.DefaultPattern, year, point.NumberRegionCode, point.Code, serial),
                    RegistrationNumber.VerificationCode(BitConverter.GetBytes(random.NextInt64())), null);
                if (stage >= 96)
                {
                    contract.Cancel(registeredAt.AddDays(30), decider, "示例：合同解除");
                }
            }

            db.TechContracts.Add(contract);
        }

        // 代理登记 (issue 22 §1): the transfer agency files for its principals (安庆师范大学, 舒源生物); the principal is the seller,
        // its county gets the 输出, the agency is the broker and the filer. In every state from draft to registered.
        var agency = orgs[organizations["agency-a"]];
        var agencyActor = new ContractActor(users["agency.a"], "agency.a");
        for (var i = 0; i < 12; i++)
        {
            var principal = orgs[organizations[i % 2 == 0 ? "aqnu" : "ent-b"]];
            // 舒源生物 sells to 华宁新材料 only, so the demo's 北化工–舒源生物 relation stays the joint 揭榜 project the expert tests set up.
            var buyer = orgs[organizations[i % 3 == 0 || principal.Name.Contains("舒源") ? "ent-a" : "buct"]];
            var signed = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-20 - i * 25);
            var at = new DateTimeOffset(signed.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)).AddDays(3).ToUniversalTime();
            var amount = 40m + i * 17.5m;
            var terms = new ContractTerms($"{Topics[(i + 3) % Topics.Length]}技术开发（代理登记{i + 1:D2}）", TechContractType.Development, TechContractSubType.CommissionedDevelopment,
                null, false, new ContractParty(principal.Name, principal.CreditCode, ContractParty.China, Division(principal), principal.Kind == OrganizationKind.Enterprise ? "150" : "022"),
                new ContractParty(buyer.Name, buyer.CreditCode, ContractParty.China, Division(buyer), buyer.Kind == OrganizationKind.Enterprise ? "150" : "021"),
                principal.Id, buyer.Id, principal.RegionCode, buyer.RegionCode, (1 + i % 11).ToString("D2"), "03", "05", "10", signed, signed, signed.AddYears(2),
                amount, i % 4 == 0 ? [new Deduction("购置检测仪器", Math.Round(amount * 0.15m, 2))] : [], PaymentMode.LumpSumInstalments, agency.Id, agency.Name, null, null,
                ResponsiblePerson: $"{principal.Name[..2]}负责人", FilledBy: "杨经理（代理）", FilledOn: TechContract.BeijingDate(at));
            Advance(TechContract.Draft(city.Id, agency.Id, at, agencyActor, terms), i % 6, agency.RegionCode, agencyActor, at);
        }

        // 技术进口 (issue 22 §1): the domestic buyer files (华宁新材料 licensing and buying technology from abroad); the seller is
        // outside China, so nothing counts as 输出 and 华宁新材料's county gets the 吸纳.
        var importer = orgs[organizations["ent-a"]];
        var importerActor = new ContractActor(users["ent.a"], "ent.a");
        for (var i = 0; i < 8; i++)
        {
            var (foreignName, country) = ForeignSellers[i % ForeignSellers.Length];
            var signed = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-35 - i * 40);
            var at = new DateTimeOffset(signed.ToDateTime(new TimeOnly(14, 0)), TimeSpan.FromHours(8)).AddDays(5).ToUniversalTime();
            var licence = i % 2 == 0;
            var amount = 120m + i * 45m;
            var terms = new ContractTerms($"{Topics[(i + 9) % Topics.Length]}技术引进（技术进口{i + 1:D2}）", licence ? TechContractType.Licence : TechContractType.Transfer,
                licence ? TechContractSubType.PatentLicence : TechContractSubType.KnowHowTransfer, licence ? LicenceScope.Sole : null, true,
                new ContractParty(foreignName, string.Empty, country, string.Empty, "300"),
                new ContractParty(importer.Name, importer.CreditCode, ContractParty.China, Division(importer), "150"),
                null, importer.Id, null, importer.RegionCode, "02", "01", "09", "04", signed, signed, signed.AddYears(5),
                amount, [new Deduction("进口专用设备", Math.Round(amount * 0.2m, 2))], PaymentMode.RoyaltyWithEntryFee, null, null,
                Math.Round(amount * 3, 2), Math.Round(amount * 8, 2), ResponsiblePerson: "华宁负责人", FilledBy: "冯经理", FilledOn: TechContract.BeijingDate(at));
            Advance(TechContract.Draft(city.Id, importer.Id, at, importerActor, terms), i % 5 + 1, importer.RegionCode, importerActor, at);
        }

        // Takes a demo filing through the workflow to a stage: 0 draft, 1 submitted, 2 accepted, 3 under review, 4 and 5 registered
        // (the registrar's 认定 corrects the first deduction on 5).
        void Advance(TechContract contract, int stage, string regionCode, ContractActor filerActor, DateTimeOffset at)
        {
            if (stage >= 1)
            {
                contract.Submit(at, filerActor, Attach(db, contract, regionCode, filerActor, at));
            }

            if (stage >= 2)
            {
                contract.Accept(at.AddDays(1), DateOnly.FromDateTime(at.AddDays(1).UtcDateTime), registrar, calendar, false, 15, 30);
            }

            if (stage >= 3)
            {
                contract.StartReview(at.AddDays(2), registrar);
            }

            if (stage >= 4)
            {
                var registeredAt = at.AddDays(6);
                if (stage == 5 && contract.Deductions.Count > 0)
                {
                    var first = contract.Deductions[0];
                    contract.AssessTechAmount(registeredAt, registrar,
                    [
                        new AssessedDeduction(first.Item, first.Amount, Math.Round(first.Amount * 1.5m, 2), "示例：按设备发票核增扣除"),
                        .. DeductionAssessment.AsDeclared(contract.Deductions.Skip(1).ToList()),
                    ]);
                }

                var decider = registrar;
                if (!contract.Approve(registeredAt, registrar, null))
                {
                    contract.ConfirmSecondReview(bureau);
                    decider = bureau;
                }

                var year = Features.Shared.Display.Local(registeredAt).Year;
                var serial = serials[(city.Id, year)] = serials.GetValueOrDefault((city.Id, year)) + 1;
                contract.Register(registeredAt, decider, RegistrationNumber.Format(RegistrationNumber.DefaultPattern, year, city.NumberRegionCode, city.Code, serial),
                    RegistrationNumber.VerificationCode(BitConverter.GetBytes(random.NextInt64())), null);
            }

            db.TechContracts.Add(contract);
        }

        // 吸纳: contracts with an Anqing buyer, registered elsewhere, imported from the provincial export.
        for (var i = 0; i < 40; i++)
        {
            var region = regions[i % regions.Length];
            var external = External[i % External.Length];
            var signed = new DateOnly(2022 + i % 4, 1 + i % 12, 1 + i % 28);
            var at = new DateTimeOffset(signed.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).AddDays(10).ToUniversalTime();
            var terms = new ContractTerms($"{Topics[(i + 5) % Topics.Length]}技术引进（外地登记{i + 1:D2}）", TechContractType.Development, TechContractSubType.CommissionedDevelopment,
                null, false, new ContractParty(external.Name, external.Code, "142", external.Division, "022"),
                new ContractParty($"{region.Name}吸纳企业{i + 1}号", CreditCode.Complete($"91340800MA2Q{i:D5}"), "142", region.Code.All(char.IsAsciiDigit) ? region.Code : "340811", "170"),
                null, null, null, region.Code, (1 + i % 11).ToString("D2"), "03", "06", "10", signed, signed, signed.AddYears(2),
                Math.Round(20m + i * 13.7m, 2), [], PaymentMode.LumpSumInstalments, null, null, null, null);
            db.TechContracts.Add(TechContract.Imported(importPoint.Id, organizations["bureau"], at, bureau, terms, $"{signed.Year}{external.Division}99{i + 1:D4}", at));
        }

        db.RegistrationSerials.AddRange(serials.Select(s => new RegistrationSerial { PointId = s.Key.Item1, Year = s.Key.Item2, LastSerial = s.Value }));
        await db.SaveChangesAsync();
    }

    /// <summary>A one-page sample PDF standing in for the scanned document, one per kind of evidence the contract needs.</summary>
    private static readonly byte[] SamplePdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Attaches a sample file for each kind of evidence the contract's type requires; returns those kinds.</summary>
    private static IReadOnlyCollection<EvidenceKind> Attach(PortalDbContext db, TechContract contract, string regionCode, ContractActor actor, DateTimeOffset at)
    {
        var kinds = ContractEvidence.Required(contract.Terms);
        foreach (var kind in kinds)
        {
            var attachment = Domain.Files.Attachment.Create(Features.Contracts.ContractFilingHandler.AttachmentOwnerType, contract.Id, contract.FilerOrganizationId, regionCode,
                "示例" + kind.Label().Split('（')[0], Domain.Files.FileKind.Pdf, SamplePdf.Length,
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SamplePdf)), actor.UserId, at, kind.Purpose());
            db.Attachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Bytes = SamplePdf });
        }

        return kinds.ToHashSet();
    }
}

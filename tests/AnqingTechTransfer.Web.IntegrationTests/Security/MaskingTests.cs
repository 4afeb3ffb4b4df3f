using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain.Security;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Authorization;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// Issue 12, personal information: ID numbers, mobiles and bank accounts are SM4 ciphertext in the database, masked on every
/// list page and in every export for every role, and shown in full only to the entitled, each time with an audit row.
/// </summary>
public partial class MaskingTests(MatrixFixture fx) : IClassFixture<MatrixFixture>
{
    private const string OrganizationMobile = "13705561234";

    // A mobile or an 18-character ID number standing alone (not inside a longer code, a GUID or a number).
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    private static readonly string[] Viewers =
        ["(anonymous)", "bureau", "bureau.admin", "county.huaining", "ent.a", "univ.buct", "expert.a", "registrar.city", "leader.city", "auditor", "bank.a"];

    private async Task<List<string>> KnownNumbersAsync()
    {
        var known = Enumerable.Range(0, DemoExpertSeed.Count).Select(DemoExpertSeed.Numbers)
            .SelectMany(n => new[] { n.IdNumber, n.Mobile, n.BankAccount }).OfType<string>().ToList();
        known.AddRange(await fx.WithDbAsync(async (db, _) =>
        {
            var phones = await db.TechNeeds.Select(n => n.Contact.Phone).Concat(db.TechResults.Select(r => r.Contact.Phone)).ToListAsync();
            phones.AddRange(await db.Carriers.Select(c => c.ContactPhone).ToListAsync());
            phones.AddRange((await db.Organizations.Select(o => o.ContactPhone).ToListAsync()).OfType<string>());
            return phones.Where(p => p.Length >= 11 && p.All(char.IsAsciiDigit)).ToList();
        }));
        return known;
    }

    private async Task GiveThePendingOrganizationAMobileAsync() =>
        await fx.WithDbAsync(async (db, _) =>
        {
            var pending = await db.Organizations.SingleAsync(o => o.Id == fx.Ids.PendingOrganization);
            pending.SetDetails(pending.Name, pending.CreditCode, pending.RegionCode, pending.Address, pending.ContactName, OrganizationMobile);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Personal_numbers_are_sm4_ciphertext_in_the_database_and_the_key_file_opens_them()
    {
        await GiveThePendingOrganizationAMobileAsync();
        var known = await KnownNumbersAsync();
        known.Should().Contain(OrganizationMobile).And.HaveCountGreaterThan(100);

        var columns = new List<string>();
        await using (var connection = new NpgsqlConnection(fx.Factory.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
                     {
                         "SELECT id_number_cipher FROM experts", "SELECT mobile_cipher FROM experts", "SELECT bank_account_cipher FROM experts WHERE bank_account_cipher <> ''",
                         "SELECT contact_phone FROM organizations WHERE contact_phone IS NOT NULL", "SELECT contact_phone FROM tech_needs",
                         "SELECT contact_phone FROM tech_results", "SELECT contact_phone FROM carriers", "SELECT contact_phone FROM registration_points WHERE contact_phone IS NOT NULL",
                     })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await using var reader = await command.ExecuteReaderAsync();
                var count = 0;
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                    count++;
                }

                count.Should().BeGreaterThan(0, $"{sql} has rows to check");
            }
        }

        columns.Should().OnlyContain(v => v.StartsWith("sm4gcm:", StringComparison.Ordinal), "every personal number is stored as SM4 ciphertext naming its key");
        string.Join("\n", columns).Should().NotContainAny(known);

        var crypto = fx.Factory.Services.GetRequiredService<IGmCrypto>();
        var first = DemoExpertSeed.Numbers(0);
        var stored = await fx.WithDbAsync(async (db, _) => await db.Experts.Where(e => e.Name == "卫明远").Select(e => new { e.IdNumberCipher, e.BankAccountCipher }).SingleAsync());
        crypto.Decrypt(stored.IdNumberCipher).Should().Be(first.IdNumber);
        crypto.Decrypt(stored.BankAccountCipher).Should().Be(first.BankAccount);
        File.Exists(PortalFactory.KeyFile).Should().BeTrue("the keys live in a file outside the database");
    }

    [Fact]
    public async Task No_list_page_or_export_shows_a_personal_number_in_full_to_any_role()
    {
        await GiveThePendingOrganizationAMobileAsync();
        var known = await KnownNumbersAsync();
        var rows = AuthorizationMatrixTests.Rows()
            .Where(r => r.Method == "GET" && !r.Route.Contains('{') && !r.Route.StartsWith("/health", StringComparison.Ordinal) && r.Route != "/account/logout")
            .ToList();
        var leaks = new List<string>();
        var scanned = 0;
        var exports = 0;
        foreach (var user in Viewers)
        {
            var client = user == "(anonymous)" ? fx.Anonymous() : await fx.SignInAsync(user);
            foreach (var row in rows)
            {
                var expected = user == "(anonymous)" ? row.Anonymous : row.Users.GetValueOrDefault(user, row.Others);
                if (expected is not (Expect.Allowed or Expect.Public))
                {
                    continue;
                }

                var url = row.Url(fx.Ids);
                using var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var bytes = await response.Content.ReadAsByteArrayAsync();
                var isExcel = response.Content.Headers.ContentType?.MediaType == Web.Infrastructure.ExcelExport.ContentType;
                var text = isExcel ? ExcelText(bytes) : Encoding.UTF8.GetString(bytes);
                scanned++;
                if (isExcel)
                {
                    exports++;
                    text.Should().Contain("导出人").And.Contain($"({user})").And.Contain("导出时间", $"{url} says who exported it and when");
                }

                foreach (var number in known.Where(n => text.Contains(n, StringComparison.Ordinal)))
                {
                    leaks.Add($"{url} as {user}: {number}");
                }

                foreach (Match m in Mobile().Matches(text).Concat(IdNumber().Matches(text)))
                {
                    leaks.Add($"{url} as {user}: looks like a personal number: {m.Value}");
                }
            }
        }

        leaks.Distinct().Should().BeEmpty("no list page or export shows a personal number in full");
        scanned.Should().BeGreaterThan(300);
        exports.Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task Only_the_entitled_unmask_and_every_unmasking_is_an_audit_row()
    {
        await GiveThePendingOrganizationAMobileAsync();
        var expertA = DemoExpertSeed.Numbers(0);
        var bureau = await fx.As("bureau");

        var masked = await bureau.GetPageAsync($"/experts/{fx.Ids.ExpertA}");
        masked.QuerySelector("#masked-id")!.TextContent.Should().Be(expertA.IdNumber[..6] + "********" + expertA.IdNumber[^4..]);
        masked.QuerySelector("#bank-account")!.TextContent.Should().Be(expertA.BankAccount![..4] + new string('*', expertA.BankAccount.Length - 8) + expertA.BankAccount[^4..]);
        masked.Body!.InnerHtml.Should().NotContain(expertA.IdNumber).And.NotContain(expertA.Mobile);

        var before = await RevealsAsync();
        var revealed = await bureau.PostFormAsync($"/experts/{fx.Ids.ExpertA}/reveal", [], tokenFrom: $"/experts/{fx.Ids.ExpertA}");
        revealed.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await revealed.Content.ReadAsStringAsync());
        page.QuerySelector("#masked-id")!.TextContent.Should().Be(expertA.IdNumber);
        page.QuerySelector("#mobile")!.TextContent.Should().Be(expertA.Mobile);
        page.QuerySelector("#bank-account")!.TextContent.Should().Be(expertA.BankAccount);
        var after = await RevealsAsync();
        after.Should().HaveCount(before.Count + 1);
        after[^1].Should().Be($"bureau Expert {fx.Ids.ExpertA}");

        // The expert sees their own; a recommending organization or a city-wide reader does not.
        (await (await fx.As("expert.a")).PostFormAsync($"/experts/{fx.Ids.ExpertA}/reveal", [], tokenFrom: $"/experts/{fx.Ids.ExpertA}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var leader = await fx.As("leader.city");
        (await leader.PostFormAsync($"/experts/{fx.Ids.ExpertA}/reveal", [], tokenFrom: "/account/security")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await RevealsAsync()).Should().HaveCount(before.Count + 2, "a refused reveal writes no unmasking");

        // An organization's contact: masked for its reviewer until unmasked, and unmasked with an audit row.
        var county = await fx.As("county.huaining");
        var org = await county.GetPageAsync($"/organizations/{fx.Ids.PendingOrganization}");
        org.QuerySelector("#contact-phone")!.TextContent.Should().Be("137****1234");
        var shown = await county.PostFormAsync($"/organizations/{fx.Ids.PendingOrganization}/reveal", [], tokenFrom: $"/organizations/{fx.Ids.PendingOrganization}");
        PortalClient.Parse(await shown.Content.ReadAsStringAsync()).QuerySelector("#contact-phone")!.TextContent.Should().Be(OrganizationMobile);
        (await RevealsAsync())[^1].Should().Be($"county.huaining Organization {fx.Ids.PendingOrganization}");
    }

    private Task<List<string>> RevealsAsync() =>
        fx.WithDbAsync(async (db, _) => await db.AuditEntries.Where(a => a.Action == PersonalInfo.RevealAction).OrderBy(a => a.Id)
            .Select(a => a.UserName + " " + a.EntityType + " " + a.EntityId).ToListAsync());

    private static string ExcelText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}

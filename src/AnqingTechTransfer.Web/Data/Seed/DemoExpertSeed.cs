using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Experts;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// A demo expert pool: 36 experts over the technical fields and types, local and from outside Anqing, all with synthetic
/// identities (valid check characters, belonging to nobody). expert.a and expert.b have portal accounts.
/// </summary>
public static class DemoExpertSeed
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];
    private static readonly string[] Given = ["建华", "海燕", "志强", "秀英", "国平", "丽娟", "文博", "春生", "晓东", "玉兰", "德明", "立新"];
    private static readonly (string Name, string Code)[] Employers =
    [
        ("安庆师范大学", "12340800MB1234561"), ("北京化工大学安庆研究院", "12340800MB1234572"), ("安徽大学", "12340000MB1234583"),
        ("合肥工业大学", "12340000MB1234594"), ("中国科学技术大学", "12100000MB1234605"), ("安庆职业技术学院", "12340800MB1234616"),
        ("安徽省科学技术情报研究所", "12340000MB1234627"), ("安庆市会计师事务所有限公司", "91340800MA2N12341"),
    ];

    public const int Count = 36;

    /// <summary>The demo experts' ID number, mobile and (for every other one) bank account; the masking tests look for them in every page.</summary>
    public static (string IdNumber, string Mobile, string? BankAccount) Numbers(int i) =>
        (PersonalIds.CompleteIdNumber($"3408{(i % 9) + 1:D2}19{60 + i % 30:D2}{1 + i % 12:D2}{1 + i % 28:D2}{100 + i:D3}"), $"139{i:D8}",
         i % 2 == 0 ? $"6222020{i:D12}" : null);

    public static async Task RunAsync(PortalDbContext db, PersonalDataProtector ids, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now)
    {
        if (await db.Experts.AnyAsync())
        {
            return;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < Count; i++)
        {
            var employer = Employers[i % Employers.Length];
            // expert.a (卫教授) and expert.b (蒋研究员) are the demo users' own records.
            var name = i switch { 0 => "卫明远", 1 => "蒋思源", _ => Surnames[i % Surnames.Length] + Given[(i * 5 + i / Surnames.Length) % Given.Length] };
            var (idNumber, mobile, account) = Numbers(i);
            var types = i % 8 == 7 ? ExpertTypes.Financial : i % 11 == 5 ? ExpertTypes.Technical | ExpertTypes.Investment : ExpertTypes.Technical;
            var profile = new ExpertProfile(employer.Name, CreditCode.Complete(employer.Code[..17]), i % 3 == 0 ? "教授" : "正高级工程师", i % 2 == 0 ? "博士" : "硕士",
                [$"{1 + i % 11:D2}", $"{1 + (i + 3) % 11:D2}"], "示例研究方向", types, employer.Name.StartsWith("安庆", StringComparison.Ordinal));
            Guid? userId = i switch { 0 => users["expert.a"], 1 => users["expert.b"], _ => null };
            var expert = Expert.Apply(userId, name, ids.Protect(idNumber), ids.Protect(mobile), profile, null, now);
            if (account is not null)
            {
                expert.SetBankAccount(i % 4 == 0 ? "中国工商银行安庆分行" : "安庆农村商业银行", ids.Protect(account));
            }

            if (i % 12 != 11)
            {
                expert.Approve(today.AddDays(-300 - i * 3));
            }

            db.Experts.Add(expert);
        }

        await db.SaveChangesAsync();
    }
}

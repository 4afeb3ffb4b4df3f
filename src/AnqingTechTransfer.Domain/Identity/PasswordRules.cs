namespace AnqingTechTransfer.Domain.Identity;

/// <summary>
/// 等保 2.0 level 3 password complexity: length (at least the security administrator's minimum), three of four character
/// classes, not the user name, not one of the most used passwords (CommonPasswords.txt, shipped with the app).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("AnqingTechTransfer.Domain.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set;
    });

    /// <summary>Whether this password is one of the most used ones (ignoring case).</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public static IReadOnlyList<string> Check(string? password, string? userName, int minimumLength = MinimumLength)
    {
        var problems = new List<string>();
        password ??= string.Empty;
        minimumLength = Math.Max(minimumLength, MinimumLength);
        if (password.Length < minimumLength)
        {
            problems.Add($"密码至少需要{minimumLength}个字符");
        }

        if (password.Length > MaximumLength)
        {
            problems.Add($"密码不能超过{MaximumLength}个字符");
        }

        var classes = new[]
        {
            password.Any(char.IsUpper),
            password.Any(char.IsLower),
            password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c)),
        }.Count(x => x);
        if (classes < 3)
        {
            problems.Add("密码需包含大写字母、小写字母、数字、符号中的至少三类");
        }

        if (!string.IsNullOrEmpty(userName) && string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("密码不能与用户名相同");
        }

        if (password.Length > 0 && IsCommon(password))
        {
            problems.Add("该密码属于常用弱口令，容易被猜中，请换一个");
        }

        return problems;
    }

    public static bool IsExpired(DateTimeOffset? changedAt, DateTimeOffset now, int maxAgeDays) =>
        maxAgeDays > 0 && (changedAt is null || now - changedAt.Value > TimeSpan.FromDays(maxAgeDays));
}

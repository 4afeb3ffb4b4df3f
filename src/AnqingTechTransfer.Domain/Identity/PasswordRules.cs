namespace AnqingTechTransfer.Domain.Identity;

/// <summary>等保 2.0 level 3 password complexity: length, three of four character classes, not the user name.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    public static IReadOnlyList<string> Check(string? password, string? userName)
    {
        var problems = new List<string>();
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            problems.Add($"密码至少需要{MinimumLength}个字符");
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

        return problems;
    }

    public static bool IsExpired(DateTimeOffset? changedAt, DateTimeOffset now, int maxAgeDays) =>
        maxAgeDays > 0 && (changedAt is null || now - changedAt.Value > TimeSpan.FromDays(maxAgeDays));
}

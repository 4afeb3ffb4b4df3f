using AnqingTechTransfer.Domain.Identity;

namespace AnqingTechTransfer.Domain.Tests;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("Abcdef1!")]
    [InlineData("abcdef12!")]
    [InlineData("ABCDEF12a")]
    [InlineData("安庆Anqing2026")]
    public void Eight_characters_of_three_classes_pass(string password) => PasswordRules.Check(password, "someone").Should().BeEmpty();

    [Theory]
    [InlineData("Abc1!", "至少需要8个字符")]
    [InlineData("abcdefgh1", "至少三类")]
    [InlineData("ABCDEFGH", "至少三类")]
    public void Short_or_simple_passwords_fail(string password, string message) =>
        PasswordRules.Check(password, "someone").Should().ContainMatch($"*{message}*");

    [Fact]
    public void The_password_may_not_be_the_user_name() =>
        PasswordRules.Check("Ent.A.2026", "ent.a.2026").Should().ContainMatch("*不能与用户名相同*");

    [Fact]
    public void Passwords_longer_than_128_characters_fail() =>
        PasswordRules.Check(new string('a', 120) + "B1!bbbbbbb", "x").Should().ContainMatch("*不能超过128*");

    [Fact]
    public void A_password_expires_after_the_configured_days()
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        PasswordRules.IsExpired(now.AddDays(-89), now, 90).Should().BeFalse();
        PasswordRules.IsExpired(now.AddDays(-91), now, 90).Should().BeTrue();
        PasswordRules.IsExpired(null, now, 90).Should().BeTrue();
        PasswordRules.IsExpired(now.AddDays(-400), now, 0).Should().BeFalse("0 turns the rule off");
    }
}

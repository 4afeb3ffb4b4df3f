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

    [Theory]
    [InlineData("Admin@123")]
    [InlineData("P@ssw0rd")]
    [InlineData("1qaz@WSX")]
    [InlineData("Woaini@1314")]
    [InlineData("Huawei@123")]
    public void The_most_used_passwords_fail_even_when_complex(string password)
    {
        PasswordRules.IsCommon(password).Should().BeTrue();
        PasswordRules.Check(password, "someone").Should().ContainMatch("*常用弱口令*");
    }

    [Fact]
    public void An_uncommon_password_is_not_on_the_list() => PasswordRules.IsCommon("Wanjiang#Tide2026").Should().BeFalse();

    [Fact]
    public void The_security_administrator_may_raise_the_minimum_but_not_lower_it()
    {
        PasswordRules.Check("Abcdef12!x", "someone", minimumLength: 12).Should().ContainMatch("*至少需要12个字符*");
        PasswordRules.Check("Abcdef1!", "someone", minimumLength: 4).Should().BeEmpty("eight is the floor");
    }

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

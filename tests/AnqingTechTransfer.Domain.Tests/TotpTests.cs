using System.Text;
using AnqingTechTransfer.Domain.Identity;

namespace AnqingTechTransfer.Domain.Tests;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890", 8 digits.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string expected) =>
        Totp.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30, digits: 8).Should().Be(expected);

    [Fact]
    public void A_code_is_accepted_one_step_either_side_of_now_and_reports_its_step()
    {
        var key = Totp.FromBase32("ANQINGDEMOKEY234ANQINGDEMOKEY234");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.TimeStep(now);
        Totp.MatchingStep(key, Totp.Code(key, step - 1), now).Should().Be(step - 1);
        Totp.MatchingStep(key, Totp.Code(key, step + 1), now).Should().Be(step + 1);
        Totp.MatchingStep(key, Totp.Code(key, step + 3), now).Should().BeNull();
        Totp.MatchingStep(key, "12ab56", now).Should().BeNull();
    }

    [Fact]
    public void Base32_keys_decode_as_authenticator_apps_read_them() =>
        Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").Should().Equal(Encoding.ASCII.GetBytes("12345678901234567890"));
}

using System.Security.Cryptography;
using System.Text;
using AnqingTechTransfer.Domain.Security;
using Org.BouncyCastle.Crypto.Digests;

namespace AnqingTechTransfer.Domain.Tests;

public class GmCryptoTests
{
    private static readonly byte[] IndexKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    private static Sm4GmCrypto Ring(string current, params GmKey[] keys) => new(keys, current, IndexKey);

    private static GmKey Key(string id, byte fill) => new(id, Enumerable.Repeat(fill, 16).ToArray());

    [Fact]
    public void Sm4_and_sm3_are_the_national_algorithms_by_their_standard_test_vectors()
    {
        // GB/T 32907-2016 Appendix A.1: key = plaintext = 0123456789abcdeffedcba9876543210.
        var block = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        Convert.ToHexString(Sm4GmCrypto.EncryptBlock(block, block)).Should().Be("681EDF34D206965E86B3E94F536E4246");

        // GB/T 32905-2016 Appendix A.1: SM3("abc").
        var digest = new SM3Digest();
        digest.BlockUpdate("abc"u8.ToArray(), 0, 3);
        var hash = new byte[32];
        digest.DoFinal(hash, 0);
        Convert.ToHexString(hash).Should().Be("66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0");
    }

    [Fact]
    public void A_value_encrypts_to_a_fresh_ciphertext_naming_its_key_and_decrypts_back()
    {
        var crypto = Ring("k1", Key("k1", 7));
        var first = crypto.Encrypt("340802198001011234");
        var second = crypto.Encrypt("340802198001011234");

        first.Should().StartWith("sm4gcm:k1:").And.NotContain("340802");
        second.Should().NotBe(first, "every value gets its own nonce");
        crypto.Decrypt(first).Should().Be("340802198001011234");
        crypto.Decrypt(crypto.Encrypt("张三 13800001234")).Should().Be("张三 13800001234");
    }

    [Fact]
    public void A_changed_byte_or_an_unknown_key_is_refused()
    {
        var crypto = Ring("k1", Key("k1", 7));
        var cipher = crypto.Encrypt("13800001234");
        var bytes = Convert.FromBase64String(cipher.Split(':')[2]);
        bytes[^1] ^= 1;
        var tampered = $"sm4gcm:k1:{Convert.ToBase64String(bytes)}";

        crypto.Invoking(c => c.Decrypt(tampered)).Should().Throw<CryptographicException>();
        crypto.Invoking(c => c.Decrypt(cipher.Replace("sm4gcm:k1:", "sm4gcm:k9:", StringComparison.Ordinal))).Should().Throw<CryptographicException>();
        crypto.Invoking(c => c.Decrypt("13800001234")).Should().Throw<CryptographicException>("plaintext is not a ciphertext");
    }

    [Fact]
    public void After_a_rotation_old_values_stay_readable_and_new_ones_use_the_new_key()
    {
        var before = Ring("k1", Key("k1", 7));
        var old = before.Encrypt("6222021234567891234");
        var after = Ring("k2", Key("k1", 7), Key("k2", 9));

        after.Decrypt(old).Should().Be("6222021234567891234");
        after.Encrypt("x").Should().StartWith("sm4gcm:k2:");
        after.KeyedHash("13800001234").Should().Be(before.KeyedHash("13800001234"), "the lookup hash does not move with the SM4 key");
    }

    [Fact]
    public void The_keyed_hash_is_hmac_sm3_stable_and_key_dependent()
    {
        var crypto = Ring("k1", Key("k1", 7));
        crypto.KeyedHash("13800001234").Should().Be(crypto.KeyedHash("13800001234")).And.HaveLength(64);
        crypto.KeyedHash("13800001234").Should().Be(Convert.ToHexString(Sm4GmCrypto.HmacSm3(IndexKey, Encoding.UTF8.GetBytes("13800001234"))));
        new Sm4GmCrypto([Key("k1", 7)], "k1", Enumerable.Repeat((byte)1, 32).ToArray()).KeyedHash("13800001234")
            .Should().NotBe(crypto.KeyedHash("13800001234"));
        var act = () => new Sm4GmCrypto([Key("k1", 7)], "k2", IndexKey);
        act.Should().Throw<CryptographicException>("the current key must be in the ring");
    }
}

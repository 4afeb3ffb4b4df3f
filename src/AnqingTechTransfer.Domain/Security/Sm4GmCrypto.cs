using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace AnqingTechTransfer.Domain.Security;

/// <summary>One SM4 key (128 bits, GB/T 32907) under its id.</summary>
public sealed record GmKey(string Id, byte[] Sm4Key)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Contains(':', StringComparison.Ordinal) || Sm4Key.Length != 16)
        {
            throw new CryptographicException($"SM4 key '{Id}' must have an id without ':' and 16 bytes.");
        }
    }
}

/// <summary>
/// Software SM4 and SM3 (BouncyCastle): SM4 in GCM mode (GB/T 36624, authenticated: a changed byte is refused), a fresh
/// 96-bit nonce per value, and HMAC-SM3 (GB/T 32905 with RFC 2104) for the keyed hash. The keys come from outside the
/// database (<c>GmKeyFile</c> in the web project); this class never stores them.
/// </summary>
public sealed class Sm4GmCrypto : IGmCrypto
{
    public const string Algorithm = "sm4gcm";
    private const int NonceBytes = 12;
    private const int TagBits = 128;
    private readonly Dictionary<string, GmKey> _keys;
    private readonly byte[] _indexKey;

    public Sm4GmCrypto(IEnumerable<GmKey> keys, string currentKeyId, byte[] indexKey)
    {
        _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        foreach (var key in _keys.Values)
        {
            key.Validate();
        }

        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new CryptographicException($"The current SM4 key '{currentKeyId}' is not in the key ring.");
        }

        if (indexKey.Length < 32)
        {
            throw new CryptographicException("The HMAC-SM3 index key must have at least 32 bytes.");
        }

        CurrentKeyId = currentKeyId;
        _indexKey = indexKey;
    }

    public string CurrentKeyId { get; }

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var cipher = Gcm(true, _keys[CurrentKeyId].Sm4Key, nonce);
        var output = new byte[NonceBytes + cipher.GetOutputSize(input.Length)];
        nonce.CopyTo(output, 0);
        var written = cipher.ProcessBytes(input, 0, input.Length, output, NonceBytes);
        cipher.DoFinal(output, NonceBytes + written);
        return $"{Algorithm}:{CurrentKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string ciphertext)
    {
        var parts = ciphertext.Split(':');
        if (parts.Length != 3 || parts[0] != Algorithm)
        {
            throw new CryptographicException("Not an SM4 ciphertext of this portal.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"SM4 key '{parts[1]}' is not in the key ring.");
        }

        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceBytes + TagBits / 8)
        {
            throw new CryptographicException("The SM4 ciphertext is truncated.");
        }

        var cipher = Gcm(false, key.Sm4Key, data[..NonceBytes]);
        var output = new byte[cipher.GetOutputSize(data.Length - NonceBytes)];
        try
        {
            var written = cipher.ProcessBytes(data, NonceBytes, data.Length - NonceBytes, output, 0);
            written += cipher.DoFinal(output, written);
            return Encoding.UTF8.GetString(output, 0, written);
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("The SM4 ciphertext was changed: its tag does not match.", e);
        }
    }

    public string KeyedHash(string value) => Convert.ToHexString(HmacSm3(_indexKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>HMAC-SM3 (RFC 2104 over SM3).</summary>
    public static byte[] HmacSm3(byte[] key, byte[] message)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(message, 0, message.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    /// <summary>One raw SM4 block (ECB, for the GB/T 32907 test vectors only).</summary>
    public static byte[] EncryptBlock(byte[] key, byte[] block)
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        return output;
    }

    private static GcmBlockCipher Gcm(bool encrypt, byte[] key, byte[] nonce)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), TagBits, nonce));
        return cipher;
    }
}

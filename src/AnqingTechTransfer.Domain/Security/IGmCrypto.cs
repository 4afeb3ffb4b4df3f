namespace AnqingTechTransfer.Domain.Security;

/// <summary>
/// The commercial cryptography (商用密码) the portal uses for personal information at rest: SM4 encryption and an HMAC-SM3
/// keyed hash for exact-match lookups. An interface, so that a certified cryptographic module (a 密码机 or 密码卡 with
/// its own SDK) can replace the software implementation without a change to the callers.
/// </summary>
public interface IGmCrypto
{
    /// <summary>The id of the key new ciphertexts are written with; older ids stay readable while they are in the key ring.</summary>
    string CurrentKeyId { get; }

    /// <summary>Encrypts text; the result names its algorithm and key id: <c>sm4gcm:{keyId}:{base64(nonce‖ciphertext‖tag)}</c>.</summary>
    string Encrypt(string plaintext);

    /// <summary>Decrypts what <see cref="Encrypt"/> wrote, with the key its id names; a changed byte is refused.</summary>
    string Decrypt(string ciphertext);

    /// <summary>HMAC-SM3 of the text under the ring's index key, as upper-case hex: the same input always gives the same value.</summary>
    string KeyedHash(string value);
}

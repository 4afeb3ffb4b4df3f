using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Security;

namespace AnqingTechTransfer.Web.Features.Experts;

/// <summary>
/// Personal numbers (ID number, mobile, bank account) at rest (PIPL, 商用密码): SM4-encrypted with the key ring outside
/// the database, matched by a keyed hash (HMAC-SM3), and shown masked. The hash lets the pool find the same person behind
/// two applications, and the conflict rules find an expert in an applicant's team, without decrypting anything.
/// Decrypting (<see cref="Reveal"/>) is for the entitled, and every use is audited by its caller.
/// </summary>
public class PersonalDataProtector(IGmCrypto crypto)
{
    public Task<ProtectedId> ProtectAsync(string value, CancellationToken ct) => Task.FromResult(Protect(value));

    public ProtectedId Protect(string value)
    {
        var normalized = PersonalIds.Normalize(value);
        return new ProtectedId(crypto.Encrypt(normalized), crypto.KeyedHash(normalized), PersonalIds.Mask(normalized));
    }

    public Task<string> KeyOfAsync(string value, CancellationToken ct) => Task.FromResult(crypto.KeyedHash(PersonalIds.Normalize(value)));

    public string Reveal(string cipher) => cipher.Length == 0 ? string.Empty : crypto.Decrypt(cipher);
}

using System.Security.Cryptography;
using System.Text;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts;

/// <summary>
/// Personal identity numbers (ID number, mobile) at rest (PIPL): encrypted with the data-protection key ring, matched by a
/// keyed hash (HMAC-SHA256 with a portal secret), and shown masked. The hash lets the pool find the same person behind two
/// applications, and the conflict rules find an expert in an applicant's team, without decrypting anything.
/// </summary>
public class PersonalDataProtector(IDataProtectionProvider provider, PortalDbContext db)
{
    private const string SecretName = "personal-id-hmac";
    // One key per database (tests run several side by side); read once, then from memory.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Keys = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly IDataProtector _protector = provider.CreateProtector("AnqingTechTransfer.PersonalIds.v1");

    public async Task<ProtectedId> ProtectAsync(string value, CancellationToken ct)
    {
        var normalized = PersonalIds.Normalize(value);
        return new ProtectedId(_protector.Protect(normalized), await KeyOfAsync(normalized, ct), PersonalIds.Mask(normalized));
    }

    public async Task<string> KeyOfAsync(string value, CancellationToken ct)
    {
        var key = await SecretAsync(ct);
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(PersonalIds.Normalize(value))));
    }

    private async Task<byte[]> SecretAsync(CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? string.Empty;
        if (Keys.TryGetValue(database, out var cached))
        {
            return cached;
        }

        await Gate.WaitAsync(ct);
        try
        {
            var protector = provider.CreateProtector("AnqingTechTransfer.PortalSecrets");
            var stored = await db.PortalSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == SecretName, ct);
            if (stored is null)
            {
                var fresh = RandomNumberGenerator.GetBytes(32);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO portal_secrets (name, protected_value) VALUES ({SecretName}, {protector.Protect(Convert.ToBase64String(fresh))}) ON CONFLICT (name) DO NOTHING", ct);
                stored = await db.PortalSecrets.AsNoTracking().SingleAsync(s => s.Name == SecretName, ct);
            }

            return Keys[database] = Convert.FromBase64String(protector.Unprotect(stored.ProtectedValue));
        }
        finally
        {
            Gate.Release();
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AnqingTechTransfer.Domain.Security;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>
/// The SM4 key ring, in a file outside the database (<c>Security:GmKeyFile</c>; default <c>App_Data/gm-keys.json</c>
/// under the content root): a database dump alone never reveals a personal number. The file holds the SM4 keys by id
/// (the newest is current; older ones stay to read older values) and the HMAC-SM3 index key. A missing file is created
/// with fresh random keys, readable by the app's OS user only. Rotation: <c>dotnet AnqingTechTransfer.Web.dll --rotate-gm-key</c> adds a key.
/// Every instance of a scaled-out portal must read the same file; <see cref="VerifyAgainstDatabaseAsync"/> refuses to
/// start an instance whose keys do not open what the database holds.
/// </summary>
public static class GmKeyFile
{
    public const string Setting = "Security:GmKeyFile";
    private const string CheckName = "gm-key-check";
    private const string CheckText = "AnqingTechTransfer SM4 key check";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly object Gate = new();

    public sealed class Content
    {
        public string Current { get; set; } = string.Empty;
        public List<Entry> Keys { get; set; } = [];
        /// <summary>HMAC-SM3 key of the lookup hashes (hex); it never rotates, or every stored hash would have to be recomputed.</summary>
        public string Index { get; set; } = string.Empty;
    }

    public sealed class Entry
    {
        public string Id { get; set; } = string.Empty;
        public string Sm4 { get; set; } = string.Empty;
        [JsonPropertyName("created")]
        public DateTimeOffset Created { get; set; }
    }

    public static string PathFrom(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(configuration[WebHostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory(), "App_Data", "gm-keys.json");

    public static Sm4GmCrypto Load(string path)
    {
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                Create(path);
            }

            var content = JsonSerializer.Deserialize<Content>(File.ReadAllText(path), Json)
                ?? throw new CryptographicException($"The SM4 key file {path} is empty.");
            return new Sm4GmCrypto(content.Keys.Select(k => new GmKey(k.Id, Convert.FromHexString(k.Sm4))), content.Current, Convert.FromHexString(content.Index));
        }
    }

    /// <summary>Adds a fresh SM4 key and makes it current (the older keys stay to read older values).</summary>
    public static string Rotate(string path, DateTimeOffset now)
    {
        lock (Gate)
        {
            var content = JsonSerializer.Deserialize<Content>(File.ReadAllText(path), Json)!;
            var id = "k" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            content.Keys.Add(new Entry { Id = id, Sm4 = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Created = now });
            content.Current = id;
            Write(path, content);
            return id;
        }
    }

    private static void Create(string path)
    {
        var now = DateTimeOffset.UtcNow;
        var id = "k" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var content = new Content
        {
            Current = id,
            Keys = [new Entry { Id = id, Sm4 = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Created = now }],
            Index = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };
        try
        {
            Write(path, content, createNew: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a second test assembly, a second instance) created it first: use theirs.
        }
    }

    private static void Write(string path, Content content, bool createNew = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, content, Json);
        }

        if (createNew)
        {
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        else
        {
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>
    /// At startup: the database keeps one value encrypted with the key ring it was first used with. If this instance's
    /// key file cannot open it, the instance stops, instead of writing values no other instance can read.
    /// </summary>
    public static async Task VerifyAgainstDatabaseAsync(PortalDbContext db, IGmCrypto crypto, string path, CancellationToken ct = default)
    {
        var stored = await db.PortalSecrets.AsNoTracking().Where(s => s.Name == CheckName).Select(s => s.ProtectedValue).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO portal_secrets (name, protected_value) VALUES ({CheckName}, {crypto.Encrypt(CheckText)}) ON CONFLICT (name) DO NOTHING", ct);
            return;
        }

        string opened;
        try
        {
            opened = crypto.Decrypt(stored);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The SM4 key file {path} does not open the personal information in this database ({e.Message}). " +
                "Every instance must use the same key file (see docs/operations.md, 国密密钥). Restore it from its backup; do not create a new one.", e);
        }

        if (opened != CheckText)
        {
            throw new InvalidOperationException($"The SM4 key check in this database does not match the key file {path}.");
        }
    }
}

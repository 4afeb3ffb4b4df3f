using AnqingTechTransfer.Domain.Security;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// Columns of personal numbers (contact mobiles) stored SM4-encrypted: the entity holds the number, the column its
/// ciphertext. The model is built once per process, so the converter reads the process's key ring when it converts.
/// A column written before encryption (plain text) is still read, and is encrypted at its next save.
/// </summary>
public static class EncryptedColumns
{
    public const int Length = 200;
    private static IGmCrypto? _crypto;
    private static string? _source;

    /// <summary>Set once at startup with the key ring; a second, different key file in the same process is refused.</summary>
    public static void Use(IGmCrypto crypto, string source)
    {
        lock (typeof(EncryptedColumns))
        {
            if (_source is not null && _source != source)
            {
                throw new InvalidOperationException($"This process already encrypts with the key file {_source}; it cannot switch to {source}.");
            }

            (_crypto, _source) = (crypto, source);
        }
    }

    private static IGmCrypto Crypto => _crypto ?? throw new InvalidOperationException("The SM4 key ring is not loaded (AddPortalData loads it).");

    private static readonly ValueConverter<string, string> Converter = new(
        plain => Crypto.Encrypt(plain),
        stored => stored.StartsWith(Sm4GmCrypto.Algorithm + ":", StringComparison.Ordinal) ? Crypto.Decrypt(stored) : stored);

    public static PropertyBuilder<TProperty> IsEncrypted<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasConversion(Converter).HasMaxLength(Length);

    public static ComplexTypePropertyBuilder<TProperty> IsEncrypted<TProperty>(this ComplexTypePropertyBuilder<TProperty> property) =>
        property.HasConversion(Converter).HasMaxLength(Length);
}

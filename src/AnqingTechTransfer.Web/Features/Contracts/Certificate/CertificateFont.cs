using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>
/// The Chinese face the PDF certificate is drawn with (TOOLCHAIN.md §10). PDFsharp on Linux finds no system fonts: it asks
/// an <see cref="IFontResolver"/> for the bytes of a single-face TrueType/OpenType file, and refuses TrueType collections
/// (.ttc, such as the Noto CJK files Chromium uses). The default is Debian's fonts-arphic-gbsn00lp (AR PL SungtiL GB: Latin
/// digits and GB2312 Chinese in one TTF); <see cref="ContractOptions.CertificateFontFile"/> names another. PDFsharp's
/// resolver is process-wide and set once, so the family name carries the file: each configured file is its own family.
/// </summary>
public sealed class CertificateFont : IFontResolver
{
    public const string DefaultFile = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    private const string Prefix = "CertificateCJK:";

    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static bool _installed;

    private CertificateFont()
    {
    }

    /// <summary>
    /// The family to draw with for the configured file (else the default), its bytes read and the resolver installed; null,
    /// with a Chinese reason naming the file, when the file is missing or is a collection PDFsharp cannot read.
    /// </summary>
    public static string? Family(string? configuredFile, out string problem)
    {
        problem = string.Empty;
        var file = string.IsNullOrWhiteSpace(configuredFile) ? DefaultFile : configuredFile.Trim();
        if (!File.Exists(file))
        {
            problem = $"服务器缺少登记证明所用的中文字体文件 {file}（Debian/Ubuntu 软件包 fonts-arphic-gbsn00lp；或在配置项 Contracts:CertificateFontFile 中指定一个单一字体的 TTF/OTF 文件）。";
            return null;
        }

        if (!Faces.ContainsKey(file))
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < 12 || bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8))
            {
                problem = $"登记证明的字体文件 {file} 是字体集合（.ttc）或已损坏，不能用于生成 PDF；请改用单一字体的 TTF/OTF 文件（如 fonts-arphic-gbsn00lp）。";
                return null;
            }

            Faces.TryAdd(file, bytes);
        }

        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new CertificateFont();
                _installed = true;
            }
        }

        return Prefix + file;
    }

    /// <summary>The family names the file; every style maps to its one face, bold simulated.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName.StartsWith(Prefix, StringComparison.Ordinal) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) =>
        faceName.StartsWith(Prefix, StringComparison.Ordinal) && Faces.TryGetValue(faceName[Prefix.Length..], out var bytes) ? bytes : null;
}

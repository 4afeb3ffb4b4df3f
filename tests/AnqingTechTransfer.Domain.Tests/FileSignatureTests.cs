using System.IO.Compression;
using AnqingTechTransfer.Domain.Files;

namespace AnqingTechTransfer.Domain.Tests;

public class FileSignatureTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Files_are_recognised_by_their_bytes()
    {
        FileSignature.Detect("%PDF-1.7\n"u8).Should().Be(FileKind.Pdf);
        FileSignature.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).Should().Be(FileKind.Jpeg);
        FileSignature.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).Should().Be(FileKind.Png);
        FileSignature.Detect(Zip("[Content_Types].xml", "xl/workbook.xml")).Should().Be(FileKind.Xlsx);
        FileSignature.Detect(Zip("[Content_Types].xml", "word/document.xml")).Should().Be(FileKind.Docx);
    }

    [Fact]
    public void Executables_plain_zips_and_text_are_unknown()
    {
        FileSignature.Detect([0x4D, 0x5A, 0x90, 0x00]).Should().Be(FileKind.Unknown);
        FileSignature.Detect(Zip("payload.exe")).Should().Be(FileKind.Unknown);
        FileSignature.Detect("<script>alert(1)</script>"u8).Should().Be(FileKind.Unknown);
        FileSignature.Detect("PK\u0003\u0004broken"u8).Should().Be(FileKind.Unknown);
        FileSignature.Detect([]).Should().Be(FileKind.Unknown);
    }

    [Theory]
    [InlineData("../../etc/passwd", FileKind.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\a\\营业执照.exe", FileKind.Png, "营业执照.png")]
    [InlineData("合同<script>.pdf", FileKind.Pdf, "合同script.pdf")]
    [InlineData("", FileKind.Jpeg, "附件.jpg")]
    [InlineData("...", FileKind.Pdf, "附件.pdf")]
    public void Names_are_cleaned_and_take_the_extension_of_the_real_type(string name, FileKind kind, string expected) =>
        Attachment.SafeName(name, kind).Should().Be(expected);
}

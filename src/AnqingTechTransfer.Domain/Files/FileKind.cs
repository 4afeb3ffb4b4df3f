using System.IO.Compression;

namespace AnqingTechTransfer.Domain.Files;

public enum FileKind
{
    Unknown = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Xlsx = 4,
    Docx = 5,
}

/// <summary>What a file is, judged by its bytes; its name is never trusted.</summary>
public static class FileSignature
{
    public static readonly IReadOnlyList<FileKind> Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Xlsx, FileKind.Docx];

    public static FileKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileKind.Png;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return DetectOfficeZip(content.ToArray());
        }

        return FileKind.Unknown;
    }

    /// <summary>XLSX and DOCX are ZIP packages; any other ZIP is refused.</summary>
    private static FileKind DetectOfficeZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return FileKind.Unknown;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return FileKind.Xlsx;
            }

            if (names.Contains("word/document.xml"))
            {
                return FileKind.Docx;
            }
        }
        catch (InvalidDataException)
        {
        }

        return FileKind.Unknown;
    }

    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Xlsx => ".xlsx",
        FileKind.Docx => ".docx",
        _ => ".bin",
    };

    public static string Names(IEnumerable<FileKind> kinds) =>
        string.Join("、", kinds.Select(k => k.Extension().TrimStart('.').ToUpperInvariant()));
}

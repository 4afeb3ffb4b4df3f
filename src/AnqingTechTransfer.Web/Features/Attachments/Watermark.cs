using AnqingTechTransfer.Domain.Files;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AnqingTechTransfer.Web.Features.Attachments;

/// <summary>
/// A reader's name stamped across a document they download (评审材料水印): every page of a PDF, or an image placed on an
/// A4 page, gets the text diagonally in light grey and once along the foot. The result is always a PDF. A file that
/// cannot be opened (damaged or encrypted PDF) comes back as a one-page PDF that says so, never unstamped.
/// </summary>
public static class Watermark
{
    /// <summary>The stamped PDF; <paramref name="family"/> is a font family from <c>CertificateFont.Family</c>.</summary>
    public static byte[] Stamp(byte[] bytes, FileKind kind, string text, string family)
    {
        try
        {
            return kind switch
            {
                FileKind.Pdf => StampPdf(bytes, text, family),
                FileKind.Jpeg or FileKind.Png => ImageOnPage(bytes, text, family),
                _ => Notice("该格式的文件不能加注水印，请联系市科技局索取 PDF 版本。", text, family),
            };
        }
        // A hostile or broken file may fail deep inside the parser with any exception: none of them is a reason to answer 500.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Notice("该文件无法打开（可能已损坏或加密），不能加注水印；请联系市科技局。", text, family);
        }
    }

    private static byte[] StampPdf(byte[] bytes, string text, string family)
    {
        using var input = new MemoryStream(bytes);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            Draw(gfx, page.Width.Point, page.Height.Point, text, family);
        }

        return Save(document);
    }

    private static byte[] ImageOnPage(byte[] bytes, string text, string family)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            using var stream = new MemoryStream(bytes);
            using var image = XImage.FromStream(stream);
            var (w, h) = (page.Width.Point - 60, page.Height.Point - 90);
            var scale = Math.Min(w / image.PointWidth, h / image.PointHeight);
            scale = Math.Min(scale, 1);
            gfx.DrawImage(image, 30, 30, image.PointWidth * scale, image.PointHeight * scale);
            Draw(gfx, page.Width.Point, page.Height.Point, text, family);
        }

        return Save(document);
    }

    private static byte[] Notice(string message, string text, string family)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(family, 14, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            gfx.DrawString(message, font, XBrushes.Black, new XRect(40, 120, page.Width.Point - 80, 40), XStringFormats.TopLeft);
            Draw(gfx, page.Width.Point, page.Height.Point, text, family);
        }

        return Save(document);
    }

    private static void Draw(XGraphics gfx, double width, double height, string text, string family)
    {
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var big = new XFont(family, 28, XFontStyleEx.Regular, unicode);
        var small = new XFont(family, 8, XFontStyleEx.Regular, unicode);
        var grey = new XSolidBrush(XColor.FromArgb(60, 128, 128, 128));
        var state = gfx.Save();
        gfx.TranslateTransform(width / 2, height / 2);
        gfx.RotateTransform(-35);
        for (var row = -2; row <= 2; row++)
        {
            gfx.DrawString(text, big, grey, new XRect(-width, row * height / 5 - 20, 2 * width, 40), XStringFormats.Center);
        }

        gfx.Restore(state);
        gfx.DrawString(text, small, XBrushes.DimGray, new XRect(0, height - 22, width, 12), XStringFormats.Center);
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}

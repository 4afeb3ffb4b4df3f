using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Contracts.Certificate;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AnqingTechTransfer.Web.IntegrationTests.Attachments;

/// <summary>A reviewer's copy is always a stamped PDF: of a PDF's every page, of an image on a page, and never the bytes unstamped.</summary>
public class WatermarkTests
{
    private static string Family() => CertificateFont.Family(null, out var problem) ?? throw new InvalidOperationException(problem);

    private static PdfDocument Open(byte[] bytes) => PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);

    [Fact]
    public void Every_page_of_a_pdf_is_stamped_and_the_pages_are_kept()
    {
        using var source = new PdfDocument();
        source.AddPage();
        source.AddPage();
        using var output = new MemoryStream();
        source.Save(output, false);
        var original = output.ToArray();

        var stamped = Watermark.Stamp(original, FileKind.Pdf, "评审专用 · 卫教授", Family());
        stamped.Should().NotEqual(original);
        using var read = Open(stamped);
        read.PageCount.Should().Be(2);
        foreach (var page in read.Pages)
        {
            page.Contents.Elements.Count.Should().BeGreaterThan(0, "each page carries the stamp's drawing");
        }
    }

    [Fact]
    public void An_image_becomes_one_stamped_page_and_a_damaged_pdf_a_notice_instead_of_its_bytes()
    {
        // A PNG drawn by PDFsharp's own raster-free path is not available: a 1×1 PNG by hand.
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using (var image = Open(Watermark.Stamp(png, FileKind.Png, "评审专用 · 卫教授", Family())))
        {
            image.PageCount.Should().Be(1);
        }

        var damaged = "%PDF-1.4 not really a pdf"u8.ToArray();
        var notice = Watermark.Stamp(damaged, FileKind.Pdf, "评审专用 · 卫教授", Family());
        notice.Should().NotEqual(damaged);
        using var read = Open(notice);
        read.PageCount.Should().Be(1, "a one-page notice that the file could not be stamped");
    }
}

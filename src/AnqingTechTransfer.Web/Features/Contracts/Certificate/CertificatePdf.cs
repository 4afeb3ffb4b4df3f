using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>
/// The registration certificate as an A4 PDF: the same fields as the HTML page, the full verification address and a QR
/// code that opens the verify page with the number and code filled in. Needs <see cref="CertificateFont"/> installed.
/// </summary>
public static class CertificatePdf
{
    private const double Left = 64, Right = 531, LabelWidth = 96;

    /// <summary>The PDF drawn with the font family <paramref name="family"/> (from <see cref="CertificateFont.Family"/>).</summary>
    public static byte[] Render(CertificatePage page, string family)
    {
        var contract = page.Contract;
        using var document = new PdfDocument();
        document.Info.Title = $"技术合同登记证明 {contract.RegistrationNumber}";
        document.Info.Subject = page.VerifyUrl;
        document.Info.Creator = "安庆市科技成果转化应用服务平台";
        var pdfPage = document.AddPage();
        pdfPage.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(pdfPage);

        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(family, 22, XFontStyleEx.Bold, unicode);
        var body = new XFont(family, 12, XFontStyleEx.Regular, unicode);
        var small = new XFont(family, 9, XFontStyleEx.Regular, unicode);
        var frame = new XPen(XColor.FromArgb(0x1f, 0x4e, 0x79), 1.5);
        gfx.DrawRectangle(frame, 40, 40, pdfPage.Width.Point - 80, pdfPage.Height.Point - 80);
        gfx.DrawRectangle(new XPen(XColor.FromArgb(0x1f, 0x4e, 0x79), 0.5), 44, 44, pdfPage.Width.Point - 88, pdfPage.Height.Point - 88);

        gfx.DrawString("技术合同登记证明", title, XBrushes.Black, new XRect(0, 80, pdfPage.Width.Point, 30), XStringFormats.Center);

        var rows = new (string Label, string Value)[]
        {
            ("登记编号", contract.RegistrationNumber ?? "—"),
            ("项目名称", contract.ProjectName),
            ("合同类别", contract.Type.Name() + (contract.SubType is { } st ? " · " + st.Name() : "")),
            ("卖方", contract.Seller.Name),
            ("买方", contract.Buyer.Name),
            ("成交额", Display.WanYuan(contract.ContractAmount)),
            ("技术交易额", Display.WanYuan(contract.TechAmount)),
            ("登记机构", page.PointName),
            ("登记日期", Display.Date(contract.RegisteredAt)),
            ("验证码", contract.VerificationCode ?? "—"),
        };
        var y = 140.0;
        foreach (var (label, value) in rows)
        {
            gfx.DrawString(label, body, XBrushes.DimGray, Left, y, XStringFormats.TopLeft);
            foreach (var line in Wrap(gfx, value, body, Right - Left - LabelWidth))
            {
                gfx.DrawString(line, body, XBrushes.Black, Left + LabelWidth, y, XStringFormats.TopLeft);
                y += 18;
            }

            gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Left, y + 2, Right, y + 2);
            y += 12;
        }

        // The QR code (modules as rectangles, quiet zone included) at the right, the address and the note beside it.
        var qr = QrModules.For(page.VerifyUrl);
        const double qrSide = 128;
        var module = qrSide / qr.Size;
        var qrTop = y + 16;
        var qrLeft = Right - qrSide;
        foreach (var (row, column, length) in qr.Runs())
        {
            gfx.DrawRectangle(XBrushes.Black, qrLeft + column * module, qrTop + row * module, length * module + 0.05, module + 0.05);
        }

        gfx.DrawString("扫码查验", small, XBrushes.DimGray, new XRect(qrLeft, qrTop + qrSide + 2, qrSide, 12), XStringFormats.TopCenter);

        var textWidth = qrLeft - Left - 16;
        var ty = qrTop + 4;
        gfx.DrawString("查验地址", body, XBrushes.DimGray, Left, ty, XStringFormats.TopLeft);
        ty += 20;
        foreach (var line in Wrap(gfx, page.VerifyUrl, small, textWidth))
        {
            gfx.DrawString(line, small, XBrushes.Black, Left, ty, XStringFormats.TopLeft);
            ty += 13;
        }

        ty += 8;
        foreach (var line in Wrap(gfx, CertificatePage.Note, small, textWidth))
        {
            gfx.DrawString(line, small, XBrushes.DimGray, Left, ty, XStringFormats.TopLeft);
            ty += 13;
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Breaks text into lines no wider than the width, between any two characters (Chinese has no spaces to break at).</summary>
    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        if (text.Length == 0)
        {
            yield return "—";
            yield break;
        }

        var start = 0;
        while (start < text.Length)
        {
            var length = text.Length - start;
            while (length > 1 && gfx.MeasureString(text.Substring(start, length), font).Width > width)
            {
                length--;
            }

            if (char.IsHighSurrogate(text[start + length - 1]) && start + length < text.Length)
            {
                length++;
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }
}

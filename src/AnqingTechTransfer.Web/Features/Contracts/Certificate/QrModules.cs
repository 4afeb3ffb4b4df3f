using System.Text;
using QRCoder;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>
/// The modules of a QR code (with its quiet zone), drawn by the PDF as filled rectangles and by the HTML page as one SVG
/// path: PDFsharp refuses QRCoder's PNG output (TOOLCHAIN.md §10), and vectors stay sharp in print either way.
/// </summary>
public sealed class QrModules
{
    private QrModules(bool[,] dark) => Dark = dark;

    /// <summary>[row, column]; true for a dark module.</summary>
    public bool[,] Dark { get; }

    public int Size => Dark.GetLength(0);

    public static QrModules For(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var dark = new bool[matrix.Count, matrix.Count];
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix.Count; column++)
            {
                dark[row, column] = matrix[row][column];
            }
        }

        return new QrModules(dark);
    }

    /// <summary>Each row's runs of dark modules as (row, first column, length): fewer shapes than one per module.</summary>
    public IEnumerable<(int Row, int Column, int Length)> Runs()
    {
        for (var row = 0; row < Size; row++)
        {
            var column = 0;
            while (column < Size)
            {
                if (!Dark[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < Size && Dark[row, column])
                {
                    column++;
                }

                yield return (row, start, column - start);
            }
        }
    }

    /// <summary>An SVG path (viewBox 0 0 Size Size) covering the dark modules.</summary>
    public string SvgPath()
    {
        var path = new StringBuilder();
        foreach (var (row, column, length) in Runs())
        {
            path.Append('M').Append(column).Append(' ').Append(row).Append('h').Append(length).Append("v1h-").Append(length).Append('z');
        }

        return path.ToString();
    }
}

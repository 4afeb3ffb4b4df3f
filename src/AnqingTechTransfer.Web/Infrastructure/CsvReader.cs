using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// RFC 4180 rows from a text reader, one at a time, by CsvHelper's parser (quoted fields may hold commas, quotes and line
/// breaks). The import maps columns by the header itself, so the parser only splits rows; rows of differing width are the
/// import's to report, not the parser's to refuse.
/// </summary>
public static class CsvReader
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        DetectColumnCountChanges = false,
        // A stray quote inside an unquoted field is kept as text, as Excel writes it, not refused.
        BadDataFound = null,
        MissingFieldFound = null,
        IgnoreBlankLines = false,
    };

    /// <summary>The parser wraps what the reader throws; a file that is not UTF-8 is the import's to explain, so it is unwrapped.</summary>
    private static bool ReadRow(CsvParser parser)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException e) when (e.InnerException is System.Text.DecoderFallbackException decoding)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(decoding);
            throw;
        }
    }

    /// <summary>Each row with the line of the file it starts on.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        using var parser = new CsvParser(reader, Configuration, leaveOpen: true);
        var nextLine = 1;
        while (ReadRow(parser))
        {
            var line = nextLine;
            nextLine = parser.RawRow + 1;
            yield return (line, parser.Record ?? []);
        }
    }
}

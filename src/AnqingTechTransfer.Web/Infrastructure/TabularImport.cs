using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace AnqingTechTransfer.Web.Infrastructure;

public sealed record ImportProblem(int Line, string Message);

public sealed record ImportResult(int Rows, int Imported, int Duplicates, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The rows of an uploaded list (UTF-8 CSV or XLSX with a header row), one at a time as column → text, each with the line
/// it comes from; the imports check them and report problems by line.
/// </summary>
public static class TabularImport
{
    /// <summary>Whether the upload is what its name says: ".xlsx" must be a zip container, ".csv" must not. Null: refused.</summary>
    public static async Task<bool?> IsExcelAsync(IFormFile file, Stream stream, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var header = new byte[4];
        var read = await stream.ReadAsync(header, ct);
        stream.Position = 0;
        var isZip = read >= 4 && header[0] == 'P' && header[1] == 'K' && header[2] == 3 && header[3] == 4;
        return extension == ".xlsx" != isZip || extension is not (".csv" or ".xlsx") ? null : isZip;
    }

    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Row)> Rows(Stream content, bool excel, IReadOnlyList<string> required, List<ImportProblem> problems) =>
        excel ? ExcelRows(content, required, problems) : CsvRows(content, required, problems);

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Row)> CsvRows(Stream content, IReadOnlyList<string> required, List<ImportProblem> problems)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        string[]? header = null;
        IEnumerator<(int Line, string[] Fields)> rows;
        try
        {
            rows = CsvReader.Read(reader).GetEnumerator();
        }
        catch (DecoderFallbackException)
        {
            yield break;
        }

        while (true)
        {
            (int Line, string[] Fields) current;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                current = rows.Current;
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new ImportProblem(0, "文件不是 UTF-8 编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 xlsx 文件。"));
                yield break;
            }

            if (header is null)
            {
                header = current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
                var missing = required.Where(c => !header.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    problems.Add(new ImportProblem(current.Line, "表头缺少列：" + string.Join("、", missing)));
                    yield break;
                }

                continue;
            }

            if (current.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length && i < current.Fields.Length; i++)
            {
                row[header[i]] = current.Fields[i];
            }

            yield return (current.Line, row);
        }
    }

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Row)> ExcelRows(Stream content, IReadOnlyList<string> required, List<ImportProblem> problems)
    {
        var line = 1;
        var checkedHeader = false;
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: true))
        {
            line++;
            if (!checkedHeader)
            {
                checkedHeader = true;
                var missing = required.Where(c => !row.Keys.Any(k => k.Trim() == c)).ToList();
                if (missing.Count > 0)
                {
                    problems.Add(new ImportProblem(1, "表头缺少列：" + string.Join("、", missing)));
                    yield break;
                }
            }

            var values = row.ToDictionary(r => r.Key.Trim(), r => r.Value switch
            {
                null => string.Empty,
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? string.Empty,
            });
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return (line, values);
        }
    }
}

/// <summary>Rows read so far, rows that passed every check, rows with a problem.</summary>
public readonly record struct ImportCounts(int Read, int Passed, int Rejected);

/// <summary>
/// How one import runs (Features/Imports): as whom (the uploader: the job itself runs as the system), where it reports its
/// progress, and a step added to the import's own unit of work just before it commits (the import job's end and the
/// uploader's message), so that the rows and the job's end are written together or not at all.
/// </summary>
public sealed class ImportRun<TResult>(Guid userId, string userName, Guid organizationId)
{
    public Guid UserId => userId;
    public string UserName => userName;
    public Guid OrganizationId => organizationId;

    /// <summary>Called as rows are read (throttling is the receiver's), and with <c>final</c> once reading is over.</summary>
    public Func<ImportCounts, bool, CancellationToken, Task>? Progress { get; init; }

    /// <summary>Called with the result before the import's last save, inside its transaction.</summary>
    public Action<TResult>? Completing { get; init; }

    public Task ReportAsync(int read, int passed, int rejected, bool final, CancellationToken ct) =>
        Progress?.Invoke(new ImportCounts(read, passed, rejected), final, ct) ?? Task.CompletedTask;

    public static int RejectedLines(IEnumerable<ImportProblem> problems) => problems.Where(p => p.Line > 0).Select(p => p.Line).Distinct().Count();
}

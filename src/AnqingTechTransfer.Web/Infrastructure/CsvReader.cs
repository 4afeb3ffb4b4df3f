using System.Text;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>RFC 4180 rows from a text reader, one at a time (quoted fields may hold commas, quotes and line breaks).</summary>
public static class CsvReader
{
    /// <summary>Each row with the line it starts on. Reads the already-buffered upload character by character.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, rowStart = 1, c;
        var quoted = false;
        var started = false;
        while ((c = reader.Read()) != -1)
        {
            started = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (rowStart, fields.ToArray());
                    fields.Clear();
                    started = false;
                    rowStart = ++line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (started)
        {
            fields.Add(field.ToString());
            yield return (rowStart, fields.ToArray());
        }
    }
}

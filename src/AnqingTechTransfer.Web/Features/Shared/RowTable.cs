namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>A column of an editable row table: the row field it posts (Budget[i].Own), its label, the input type, whether it is summed.</summary>
public sealed record RowColumn(string Field, string Label, string InputType = "text", bool Summed = false, string? InputMode = null, int? MaxLength = null);

/// <summary>
/// An editable table of rows posted as a list (<c>List[i].Field</c>): the rows as saved or posted, with spare blank ones;
/// with script (row-tables.js) rows are added from the template and removed, the names renumbered, and the summed
/// columns totalled as one types. <see cref="TotalLabels"/> names the sum of each summed column and, with more than one,
/// the grand total (总计).
/// </summary>
public sealed record RowTable(string List, string Caption, IReadOnlyList<RowColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string? Hint = null,
    int? MaxRows = null, IReadOnlyList<string>? TotalLabels = null, decimal? Cap = null, string? CapMessage = null)
{
    public bool HasSums => Columns.Any(c => c.Summed);

    public string Id => List.ToLowerInvariant() + "-table";

    /// <summary>The sum of a column over the rows whose value reads as an amount (what the server shows before any script).</summary>
    public decimal Sum(int column) => Rows.Sum(r => decimal.TryParse(r[column], System.Globalization.NumberStyles.AllowDecimalPoint,
        System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0m);
}

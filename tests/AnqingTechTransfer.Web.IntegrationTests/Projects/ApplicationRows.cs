namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// The application form posts its budget, milestones and team as table rows (Budget[i].Category …). Tests write them as
/// short lines ("设备费,100,60" per row) and this turns them into the rows the page posts.
/// </summary>
public static class ApplicationRows
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["Budget"] = ["Category", "Own", "Requested"],
        ["Milestones"] = ["Name", "Due", "Deliverable"],
        ["Team"] = ["Name", "IdNumber"],
        ["Partners"] = ["Name", "CreditCode"],
        ["AvoidRequests"] = ["ExpertName", "EmployerName", "Reason"],
    };

    public static Dictionary<string, string> Expand(Dictionary<string, string> fields)
    {
        var posted = new Dictionary<string, string>();
        foreach (var (key, value) in fields)
        {
            if (!Columns.TryGetValue(key, out var columns))
            {
                posted[key] = value;
                continue;
            }

            var lines = value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',', columns.Length);
                for (var j = 0; j < columns.Length; j++)
                {
                    posted[$"{key}[{i}].{columns[j]}"] = j < cells.Length ? cells[j] : string.Empty;
                }
            }
        }

        return posted;
    }
}

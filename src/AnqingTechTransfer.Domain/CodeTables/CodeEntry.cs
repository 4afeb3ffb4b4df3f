namespace AnqingTechTransfer.Domain.CodeTables;

/// <summary>
/// One entry of a data-driven list (数据字典). Records store the code; a retired entry stays in the table
/// so old records still show their name, but it is no longer offered on forms.
/// </summary>
public class CodeEntry
{
    private CodeEntry()
    {
    }

    public CodeEntry(string table, string code, string name, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        Table = table;
        Code = code;
        Rename(name);
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public string Table { get; private set; } = string.Empty;
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public int SortOrder { get; private set; }
    public bool Retired { get; private set; }
    public uint Version { get; private set; }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写名称", nameof(Name));
        }

        Name = name.Trim();
    }

    public void Reorder(int sortOrder) => SortOrder = sortOrder;

    public void Retire() => Retired = true;

    public void Restore() => Retired = false;
}

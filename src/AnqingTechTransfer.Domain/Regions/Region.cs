namespace AnqingTechTransfer.Domain.Regions;

public enum RegionKind
{
    City = 1,
    County = 2,
    Park = 3,
}

/// <summary>安庆市, its ten county-level units and its two parks (DOMAIN.md §4.4).</summary>
public class Region
{
    private Region()
    {
    }

    public Region(string code, string name, RegionKind kind, int sortOrder)
    {
        Code = code;
        Name = name;
        Kind = kind;
        SortOrder = sortOrder;
    }

    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public RegionKind Kind { get; private set; }
    public int SortOrder { get; private set; }
}

public static class AnqingRegions
{
    public const string City = "340800";
    public const string Huaining = "340822";
    public const string Qianshan = "340882";
    public const string EconomicDevelopmentZone = "340871";

    /// <summary>
    /// 安庆高新区 has no code of its own in GB/T 2260 or the NBS lists. The internal code keeps the 3408 prefix
    /// (so "all of Anqing" prefix queries include it) and letters (so it can never collide with a real code).
    /// See docs/decisions/0002-regions-and-park-codes.md.
    /// </summary>
    public const string HighTechZone = "3408GX";

    public static readonly IReadOnlyList<Region> All =
    [
        new(City, "安庆市", RegionKind.City, 0),
        new("340802", "迎江区", RegionKind.County, 1),
        new("340803", "大观区", RegionKind.County, 2),
        new("340811", "宜秀区", RegionKind.County, 3),
        new(Huaining, "怀宁县", RegionKind.County, 4),
        new("340825", "太湖县", RegionKind.County, 5),
        new("340826", "宿松县", RegionKind.County, 6),
        new("340827", "望江县", RegionKind.County, 7),
        new("340828", "岳西县", RegionKind.County, 8),
        new("340881", "桐城市", RegionKind.County, 9),
        new(Qianshan, "潜山市", RegionKind.County, 10),
        new(EconomicDevelopmentZone, "安庆经开区", RegionKind.Park, 11),
        new(HighTechZone, "安庆高新区", RegionKind.Park, 12),
    ];

    public static string NameOf(string? code) => All.FirstOrDefault(r => r.Code == code)?.Name ?? code ?? string.Empty;
}

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout's root: the folder holding AnqingTechTransfer.sln, above the test binaries.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnqingTechTransfer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

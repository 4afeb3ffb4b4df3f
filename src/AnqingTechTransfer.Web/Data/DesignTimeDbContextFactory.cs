using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AnqingTechTransfer.Web.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a running host or database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Portal") ?? "Host=127.0.0.1;Database=anqing_design")
            .UseSnakeCaseNamingConvention()
            .Options;
        return new PortalDbContext(options).Lease(new CurrentActor(new HttpContextAccessor()), TimeProvider.System);
    }
}

using AnqingTechTransfer.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalAuthorization();
builder.Services.AddPortalWeb(builder.Configuration);
builder.Services.AddFeatures();

var app = builder.Build();
await app.PreparePortalDatabaseAsync();
if (args.Contains("--migrate-only"))
{
    return;
}

app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Run();

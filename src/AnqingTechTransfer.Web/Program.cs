using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--rotate-gm-key"))
{
    // A new SM4 key becomes current; the older ones stay in the file to read older values (docs/operations.md, 国密密钥).
    var keyFile = AnqingTechTransfer.Web.Infrastructure.Security.GmKeyFile.PathFrom(builder.Configuration);
    Console.WriteLine($"SM4 key {AnqingTechTransfer.Web.Infrastructure.Security.GmKeyFile.Rotate(keyFile, DateTimeOffset.UtcNow)} is now current in {keyFile}; restart every instance.");
    return;
}

builder.AddPortalLogging();
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalAuthorization();
builder.Services.AddPortalWeb(builder.Configuration);
builder.Services.AddFeatures();
builder.Services.AddPortalJobs(builder.Configuration);
builder.Services.AddRecurringJob<ReminderJob>("0 8 * * *"); // 到期提醒: daily at 08:00 China time

var app = builder.Build();
await app.PreparePortalDatabaseAsync();
if (args.Contains("--migrate-only"))
{
    return;
}

app.UsePortalPipeline();
app.MapPortalEndpoints();
app.ScheduleRecurringJobs();
app.Run();

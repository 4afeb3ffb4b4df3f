using Hangfire;
using Hangfire.PostgreSql;

namespace AnqingTechTransfer.Web.Infrastructure.Jobs;

/// <summary>Settings of the job engine (section <c>Jobs</c>).</summary>
public class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance runs jobs (a Hangfire server). Every instance may: the storage hands each job to one of them.
    /// The tests turn it off and run a job's class directly, with their own clock.</summary>
    public bool RunServer { get; set; } = true;

    public int Workers { get; set; } = 2;
}

/// <summary>
/// The portal's job engine: Hangfire on the portal's own PostgreSQL, in a schema of its own (<c>hangfire</c>), so that
/// several instances share the queue and a recurring job runs once across them (docs/decisions/0016-jobs-and-mail.md).
/// A job is a plain class resolved from a scope, with the clock injected, so tests call it directly.
/// </summary>
public static class PortalJobs
{
    /// <summary>Recurring jobs run in the portal's time zone (UTC+8, no daylight saving).</summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        var connectionString = configuration.GetConnectionString("Portal")!;
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(b => b.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            }));
        services.Configure<Mail.MailOptions>(configuration.GetSection(Mail.MailOptions.Section));
        services.AddSingleton<Mail.MailOutboxSender>();
        if (options.RunServer)
        {
            services.AddHostedService<Mail.MailOutboxDispatcher>();
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(1, options.Workers);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return services;
    }

    /// <summary>Declares a recurring job: a scoped class run on a cron schedule (portal time), registered at start.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string cron)
        where TJob : class, IRecurringPortalJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobDefinition(typeof(TJob).Name, typeof(TJob), cron));
        return services;
    }

    /// <summary>(Re)registers the recurring jobs: AddOrUpdate is idempotent, so every instance may do it at start.</summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var options = app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (!options.RunServer)
        {
            return;
        }

        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
        {
            manager.AddOrUpdate<RecurringJobRunner>(job.Id, r => r.RunAsync(job.Id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = ChinaTime });
        }
    }
}

/// <summary>A job run on a schedule; its work is idempotent, since a retry or a second instance may run it again.</summary>
public interface IRecurringPortalJob
{
    Task RunAsync(CancellationToken ct);
}

public sealed record RecurringJobDefinition(string Id, Type JobType, string Cron);

/// <summary>What Hangfire stores for a recurring job is only its id; the class is looked up here, in a scope of its own.</summary>
public class RecurringJobRunner(IServiceProvider services, IEnumerable<RecurringJobDefinition> jobs)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string id, CancellationToken ct)
    {
        var job = jobs.FirstOrDefault(j => j.Id == id) ?? throw new InvalidOperationException($"No recurring job named {id}");
        using var system = Tenancy.CurrentActor.BeginSystemScope();
        await using var scope = services.CreateAsyncScope();
        await ((IRecurringPortalJob)scope.ServiceProvider.GetRequiredService(job.JobType)).RunAsync(ct);
    }
}

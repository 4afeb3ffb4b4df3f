using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace AnqingTechTransfer.Web.Infrastructure;

public static class PortalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        // No frozen bootstrap logger: several hosts share one process in the tests.
        // SIGTERM (docker stop, systemd, a rolling upgrade): Kestrel stops taking connections, the requests already running
        // get up to Host:ShutdownSeconds (default 30) to finish, then the logger is disposed, which flushes its files.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:ShutdownSeconds", 30)));
        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels from Serilog:MinimumLevel; the two sinks are fixed here, with their path and retention from Serilog:File.
            // (Sinks named in configuration were not found under the test host, whose entry assembly is not the app.)
            var configuration = services.GetRequiredService<IConfiguration>();
            logger
                .ReadFrom.Configuration(configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly))
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture)
                .WriteTo.File(new Serilog.Formatting.Compact.CompactJsonFormatter(), configuration["Serilog:File:Path"] ?? "logs/portal-.json",
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: configuration.GetValue("Serilog:File:RetainedFiles", 190))
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // On a brand-new database EF first reads the migrations history table, which does not exist yet, and logs
            // that expected failure as an error before creating it. It is noise, not a fault.
            .Filter.ByExcluding(e => e.Level == Serilog.Events.LogEventLevel.Error
                && e.Properties.TryGetValue("commandText", out var text) && text.ToString().Contains("__EFMigrationsHistory", StringComparison.Ordinal)
                && text.ToString().Contains("SELECT migration_id", StringComparison.Ordinal));
        }, preserveStaticLogger: true); // each host logs through its own logger, not the static one the last host set and the first to stop closed
        return builder;
    }

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Portal is not set. Start the app with scripts/run.sh (it starts a private PostgreSQL), " +
                "or set ConnectionStrings__Portal to a PostgreSQL 15+ database.");
        }

        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        var keyFile = GmKeyFile.PathFrom(configuration);
        var crypto = GmKeyFile.Load(keyFile);
        EncryptedColumns.Use(crypto, keyFile);
        services.AddSingleton<Domain.Security.IGmCrypto>(crypto);
        services.AddScoped<ICurrentActor, CurrentActor>();
        // Pooled contexts (issue 26): the pool hands out an instance, this scope's lease gives it the acting user, the clock and
        // the request, and disposing the scope forgets them (PortalDbContext.Lease/Dispose). The connection string is tuned
        // for it: no reset between the statements of a request, automatic preparation (PortalConnections.Tune).
        var tuned = PortalConnections.Tune(connectionString);
        // A request routed to the standby (ADR 0018: ReadRouteMiddleware) reads through the replica's connection string, set
        // on every lease while a replica is configured; every other context — writes, jobs, health checks — uses the primary's.
        var replicaString = configuration.GetConnectionString("PortalReplica");
        var replicas = new Replica.ReplicaConnections(tuned, string.IsNullOrWhiteSpace(replicaString) ? null : PortalConnections.Tune(replicaString));
        services.AddSingleton(replicas);
        services.AddScoped<Replica.ReadRoute>();
        services.AddOptions<Replica.ReplicaOptions>().BindConfiguration(Replica.ReplicaOptions.Section);
        services.AddPooledDbContextFactory<PortalDbContext>(o => o
            .UseNpgsql(tuned, npgsql => npgsql.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName).ExecutionStrategy(d => new PortalExecutionStrategy(d)))
            .UseSnakeCaseNamingConvention());
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            if (replicas.Configured)
            {
                db.Database.SetConnectionString(sp.GetRequiredService<Replica.ReadRoute>().FromReplica ? replicas.Replica : replicas.Primary);
            }

            return db.Lease(sp.GetRequiredService<ICurrentActor>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IHttpContextAccessor>(),
                sp.GetRequiredService<DataWrites>());
        });
        services.AddSingleton<DataWrites>();
        services.AddDataProtection().SetApplicationName("AnqingTechTransfer").PersistKeysToDbContext<PortalDbContext>();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<CalendarCoverageHealthCheck>("calendar", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        services.AddScoped<IAttachmentStore, DatabaseAttachmentStore>();
        services.AddScoped<AttachmentUploader>();
        services.AddScoped<Features.Messages.Notifier>();
        return services;
    }

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddIdentity<PortalUser, PortalRole>(o =>
            {
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                // Character classes, length and "not the user name" are PortalPasswordValidator's job.
                o.Password.RequiredLength = Domain.Identity.PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.AddSingleton<SecurityPolicyProvider>();
        services.AddScoped<SessionRevocation>();
        services.AddSingleton<Features.Account.TwoFactor.Reauthentication>();
        services.AddSingleton<Housekeeping>();
        services.AddSingleton<Features.Help.UserGuide>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        // The word search's segmenter (one per process) and the filling of rows written without the application (ADR 0017).
        services.AddSingleton<Domain.Search.IWordCutter>(_ => Search.JiebaWordCutter.Shared);
        services.AddSingleton<Search.SearchBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.SearchBackfill>());
        var securePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = security.RequireHttps ? "__Host-aq.auth" : "aq.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = security.RequireHttps ? "__Host-aq.2fa" : "aq.2fa";
            o.Cookie.SecurePolicy = securePolicy;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.TimeProvider = clock;
            o.ValidationInterval = TimeSpan.FromSeconds(security.SecurityStampCheckSeconds);
            o.OnRefreshingPrincipal = SessionValidation.KeepSessionClaims;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = security.RequireHttps ? "__Host-aq.af" : "aq.af";
            o.Cookie.SecurePolicy = securePolicy;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        if (security.RequireHttps)
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }

        return services;
    }

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(Policies.Register);
        // Each module's permissions class: as itself (pages ask it for their flags) and, for records, as the resource
        // handler behind IAuthorizationService, one instance per request either way.
        foreach (var permissions in FeatureTypes<IModulePermissions>())
        {
            services.AddScoped(permissions);
        }

        foreach (var handler in FeatureTypes<IAuthorizationHandler>())
        {
            if (typeof(IModulePermissions).IsAssignableFrom(handler))
            {
                services.AddScoped(typeof(IAuthorizationHandler), sp => sp.GetRequiredService(handler));
            }
            else
            {
                services.AddScoped(typeof(IAuthorizationHandler), handler);
            }
        }

        return services;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<DomainExceptionFilter>();
                o.Filters.Add<Submissions.IdempotentSubmissionFilter>();
                o.Filters.Add<UnreadableCheckboxFilter>();
                o.Filters.Add<NamedFieldMessagesFilter>();
                // The address wins: a record's id or year in the route is never overridden by a form field of the same name
                // (the framework reads the form first). Found by the form fuzz test.
                var route = o.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                o.ValueProviderFactories.Remove(route);
                o.ValueProviderFactories.Insert(0, route);
                ChineseModelBindingMessages.Apply(o.ModelBindingMessageProvider);
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = security.MaxUploadBytes + 1024 * 1024);
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>();
        services.AddPublicPageCache();
        services.AddPortalMetrics();
        return services;
    }

    /// <summary>Registers what each feature contributes: to-do sources and attachment-owner rules, found by type.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        foreach (var source in FeatureTypes<ITodoSource>())
        {
            services.AddScoped(typeof(ITodoSource), source);
        }

        foreach (var owner in FeatureTypes<IAttachmentOwner>())
        {
            services.AddScoped(typeof(IAttachmentOwner), owner);
        }

        services.AddOptions<Features.Contracts.ContractOptions>().BindConfiguration(Features.Contracts.ContractOptions.Section);
        services.AddScoped<Features.Contracts.ContractFilingHandler>(); // the filing use cases' terms builder, not a use case itself
        // With demo data, the demo organization department sets targets with the bureau; in production it is configured.
        services.AddOptions<Features.Targets.TargetOptions>().BindConfiguration(Features.Targets.TargetOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                if (c.GetValue<bool>("Demo:Seed") && !o.AssessingDepartments.Contains(Data.Seed.DemoSeed.OrganizationDepartmentCreditCode))
                {
                    o.AssessingDepartments.Add(Data.Seed.DemoSeed.OrganizationDepartmentCreditCode);
                }
            });
        services.AddScoped<Features.Shared.DepartmentDuty>();
        // Imports run as background jobs (issue 25 §3): the job's runner, what Hangfire activates, and the recovery at start.
        services.AddScoped<Features.Imports.ImportJobRunner>();
        services.AddTransient<Features.Imports.ImportJobDispatcher>();
        services.AddTransient<Features.Imports.ExportJobDispatcher>();
        services.AddHostedService<Features.Imports.ImportRecovery>();
        // Per-instance caches: the cockpit's keys are bounded by scopes × years × days, and each entry expires in 10 minutes.
        services.AddMemoryCache();
        services.AddScoped<Features.Experts.PersonalDataProtector>();
        services.AddOptions<Features.Experts.Reviews.ReviewOptions>().BindConfiguration(Features.Experts.Reviews.ReviewOptions.Section);
        services.AddOptions<Features.Projects.ProjectOptions>().BindConfiguration(Features.Projects.ProjectOptions.Section);
        services.AddOptions<Features.Finance.FirstProducts.FirstProductOptions>().BindConfiguration(Features.Finance.FirstProducts.FirstProductOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                if (c.GetValue<bool>("Demo:Seed") && !o.DecidingDepartments.Contains(Data.Seed.DemoSeed.EconomyBureauCreditCode))
                {
                    o.DecidingDepartments.Add(Data.Seed.DemoSeed.EconomyBureauCreditCode);
                }
            });
        // With demo data, the demo 市经信局 leads the 工业互联网服务专员; in production its credit code is configured.
        services.AddOptions<Features.Market.Commissioners.CommissionerOptions>().BindConfiguration(Features.Market.Commissioners.CommissionerOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                if (c.GetValue<bool>("Demo:Seed") && !o.IndustrialInternetLeads.Contains(Data.Seed.DemoSeed.EconomyBureauCreditCode))
                {
                    o.IndustrialInternetLeads.Add(Data.Seed.DemoSeed.EconomyBureauCreditCode);
                }
            });
        // With demo data, the demo 市地方金融监管局 reads the finance pages; in production its credit code is configured.
        services.AddOptions<Features.Finance.RiskPool.PoolOptions>().BindConfiguration(Features.Finance.RiskPool.PoolOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                if (c.GetValue<bool>("Demo:Seed") && !o.RegulatorDepartments.Contains(Data.Seed.DemoSeed.FinancialRegulatorCreditCode))
                {
                    o.RegulatorDepartments.Add(Data.Seed.DemoSeed.FinancialRegulatorCreditCode);
                }
            });
        services.AddOptions<Features.Carriers.Ranking.RankingOptions>().BindConfiguration(Features.Carriers.Ranking.RankingOptions.Section);
        services.AddOptions<Features.Supervision.SupervisionOptions>().BindConfiguration(Features.Supervision.SupervisionOptions.Section);
        services.AddOptions<Features.Supervision.TransferIndex.IndexOptions>().BindConfiguration(Features.Supervision.TransferIndex.IndexOptions.Section);
        services.AddOptions<Features.Supervision.Infringers.InfringerOptions>().BindConfiguration(Features.Supervision.Infringers.InfringerOptions.Section)
            .PostConfigure<IConfiguration>((o, c) =>
            {
                if (c.GetValue<bool>("Demo:Seed") && !o.RecordingDepartments.Contains(Data.Seed.DemoSeed.MarketSupervisionCreditCode))
                {
                    o.RecordingDepartments.Add(Data.Seed.DemoSeed.MarketSupervisionCreditCode);
                }
            });

        // One handler per use case, registered by its marker (ADR 0013), injected into controllers.
        foreach (var handler in FeatureTypes<Features.Shared.IUseCase>())
        {
            services.AddScoped(handler);
        }

        return services;
    }

    private static IEnumerable<Type> FeatureTypes<T>() =>
        Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t));

    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
}

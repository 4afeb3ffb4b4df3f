using System.Collections.Concurrent;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>One database and one app per test class. Sign-ins go through the real login form and are cached per user.</summary>
public class PortalFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Task<PortalClient>> _signedIn = new();
    private string _database = string.Empty;

    public PortalFactory Factory { get; private set; } = null!;

    /// <summary>Configuration a fixture sets for its own app (e.g. the index weights of a hand calculation).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
    public ManualClock Clock => Factory.Clock;

    /// <summary>Services a fixture adds to its own app.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The fixture's own database (for a script that works on it directly).</summary>
    public string ConnectionString => TestDatabase.For(_database);

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Factory = new PortalFactory(TestDatabase.For(_database), new ManualClock()) { Settings = Settings, ExtraServices = ConfigureServices };
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    // Not "localhost": HSTS is never sent to localhost, and the tests check it.
    public static readonly Uri BaseAddress = new("https://portal.anqing.test");

    /// <summary>A client with its own cookie jar; redirects are not followed, so tests see them.</summary>
    public PortalClient Anonymous()
    {
        var cookies = new System.Net.CookieContainer();
        return new PortalClient(Factory.CreateDefaultClient(BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A client signed in as a demo user; shared by the tests of a class (sign-in costs a password hash).</summary>
    public Task<PortalClient> As(string userName) => _signedIn.GetOrAdd(userName, name => SignInAsync(name));

    public async Task<PortalClient> SignInAsync(string userName, string password = DemoSeed.DefaultPassword)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/account/login", new() { ["UserName"] = userName, ["Password"] = password }, tokenFrom: "/account/login");
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
        {
            response = await client.PostFormAsync("/account/login-2fa", new() { ["Code"] = NextTotpCode() }, tokenFrom: "/account/login-2fa");
        }

        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>A fresh code for the demo bureau admin: codes are single use, so time moves to the next step first.</summary>
    public string NextTotpCode(string key = DemoSeed.BureauAdminTotpKey)
    {
        Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return Totp.Code(Totp.FromBase32(key), Totp.TimeStep(Clock.GetUtcNow()));
    }

    /// <summary>Direct database access for arranging and for re-reading what a request did (as the system actor).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, IServiceProvider, Task<T>> work)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<PortalDbContext, IServiceProvider, Task> work) =>
        WithDbAsync<bool>(async (db, sp) =>
        {
            await work(db, sp);
            return true;
        });
}

using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Submissions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Performance;

/// <summary>
/// Issue 26: PortalDbContext instances are pooled. One instance is leased by a registrar of a registration point, whose work
/// throws halfway (with an audit event queued and a form submission claimed); the same instance, leased next by an
/// enterprise's user and then by nobody, reads with their tenant, roles and points only, and saves nothing the registrar queued.
/// </summary>
public class PooledContextTenancyTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private IHttpContextAccessor Accessor => fx.Factory.Services.GetRequiredService<IHttpContextAccessor>();

    private async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user!);
    }

    /// <summary>A request of this principal (synchronous, so that the request stays set for the caller's awaits).</summary>
    private void ActAs(ClaimsPrincipal principal) => Accessor.HttpContext = new DefaultHttpContext { User = principal };

    /// <summary>Leases contexts (each returned at once) until the pool hands out the given instance again.</summary>
    private async Task<(AsyncServiceScope Scope, PortalDbContext Db)> LeaseInstanceAsync(Guid instance)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var scope = fx.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (db.ContextId.InstanceId == instance)
            {
                return (scope, db);
            }

            await scope.DisposeAsync();
        }

        throw new InvalidOperationException("the pool never handed the instance out again: are contexts still pooled?");
    }

    /// <summary>The contracts an actor sees through a context that was never pooled.</summary>
    private async Task<int> ContractsSeenByFreshContextAsync(ClaimsPrincipal principal)
    {
        var options = fx.Factory.Services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } };
        await using var fresh = new PortalDbContext(options).Lease(new CurrentActor(accessor), TimeProvider.System);
        return await fresh.TechContracts.CountAsync();
    }

    [Fact]
    public async Task A_pooled_context_never_carries_the_previous_users_tenant_roles_points_or_queued_work()
    {
        var registrar = await PrincipalAsync("registrar.city");
        var enterprise = await PrincipalAsync("ent.a");
        var registrarContracts = await ContractsSeenByFreshContextAsync(registrar);
        var enterpriseContracts = await ContractsSeenByFreshContextAsync(enterprise);
        registrarContracts.Should().NotBe(enterpriseContracts, "the two users must see different contracts for the test to tell them apart");

        // The registrar's lease: reads through its point, queues an audit event, claims a submission, then fails.
        ActAs(registrar);
        var instance = Guid.Empty;
        var firstLease = 0;
        var failing = async () =>
        {
            await using var scope = fx.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (instance, firstLease) = (db.ContextId.InstanceId, db.ContextId.Lease);
            db.ActorPointIds.Should().NotBeEmpty("the registrar works a registration point");
            (await db.TechContracts.CountAsync()).Should().Be(registrarContracts);
            db.Audit("pooled.leftover", "Success");
            db.Submission = new SubmissionMark(db.Actor.UserId, Guid.NewGuid());
            db.Announced.Add((new object(), db.Actor.UserId, "leftover"));
            throw new InvalidOperationException("the handler failed");
        };
        await failing.Should().ThrowAsync<InvalidOperationException>();

        // The same instance, leased by an enterprise's user.
        ActAs(enterprise);
        var (scope2, db2) = await LeaseInstanceAsync(instance);
        await using (scope2)
        {
            db2.ContextId.Lease.Should().BeGreaterThan(firstLease, "it is the same instance, leased again");
            db2.Actor.UserName.Should().Be("ent.a");
            db2.ActorPointIds.Should().BeEmpty("an enterprise's user works no registration point");
            db2.ActorScope.Should().Be(TenantScope.Organization);
            db2.Actor.Roles.Should().NotContain(Domain.PortalRoles.Registrar);
            db2.Submission.Should().BeNull();
            db2.Announced.Should().BeEmpty();
            db2.ChangeTracker.Entries().Should().BeEmpty();
            (await db2.TechContracts.CountAsync()).Should().Be(enterpriseContracts);
            await db2.SaveChangesAsync(); // would write the registrar's queued audit event, were it still queued
        }

        (await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "pooled.leftover"))).Should().Be(0);

        // And by nobody: every tenant filter closed.
        ActAs(new ClaimsPrincipal(new ClaimsIdentity()));
        var (scope3, db3) = await LeaseInstanceAsync(instance);
        await using (scope3)
        {
            db3.ActorScope.Should().Be(TenantScope.None);
            db3.ActorPointIds.Should().BeEmpty();
            (await db3.TechContracts.CountAsync()).Should().Be(0);
        }

        Accessor.HttpContext = null;
    }

    [Fact]
    public void Between_leases_a_context_has_no_actor()
    {
        // Taken straight from the pool's factory, without a lease: nobody, so every tenant filter is closed.
        using var db = fx.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        db.Actor.Should().BeSameAs(NoActor.Instance);
        db.ActorScope.Should().Be(TenantScope.None);
        db.TechContracts.Count().Should().Be(0);
    }
}

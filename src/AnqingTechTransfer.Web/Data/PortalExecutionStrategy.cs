using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// Retries a query or a save whose connection the database dropped (a restart, a failover, "the database system is
/// shutting down"), with back-off up to about 20 s in all. Inside a transaction a caller began, one statement cannot be
/// retried on its own: there the failure goes up to the request, which the user (or the client) resubmits with the same
/// submission key, and the key's commit mark keeps that from writing twice.
/// </summary>
public sealed class PortalExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(5), ["57P01", "57P02", "57P03"])
{
    public const int MaxRetries = 6;

    private bool InCallersTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InCallersTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InCallersTransaction && base.ShouldRetryOn(exception);
}

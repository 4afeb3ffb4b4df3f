using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Performance;

/// <summary>
/// Counts what the requests of a test app send to PostgreSQL (issue 26): every statement of every command EF executes while a
/// request runs (work without a request, such as the search backfill's timer, is not counted), and every connection reset
/// (<c>DISCARD ALL</c>, or Npgsql's reset that keeps prepared statements) that rides along with a command. A statement is
/// one statement of a command (a save's batch counts each of its statements); a <c>BEGIN</c> or <c>COMMIT</c> is not counted.
/// </summary>
/// <remarks>
/// Npgsql does not send its reset when a connection goes back to the pool: it queues it on the physical connection and
/// writes it in front of the next command sent on it (<c>NpgsqlConnector.PendingPrependedResponses</c> counts it until
/// then). So a command that starts with a queued response carries a reset, and that is read here, by reflection, because
/// Npgsql neither logs nor traces it. Should Npgsql rename the member, <see cref="ResetPending"/> throws and the tests say so.
/// </remarks>
public sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private static readonly PropertyInfo ConnectorProperty = typeof(NpgsqlConnection).GetProperty("Connector", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("NpgsqlConnection.Connector is gone: the statement counter cannot see connection resets any more");

    private readonly ConcurrentQueue<string> _statements = new();
    private int _resets;

    public IReadOnlyList<string> Statements => [.. _statements];

    public int Resets => _resets;

    public void Reset()
    {
        _statements.Clear();
        Interlocked.Exchange(ref _resets, 0);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        if (http.HttpContext is null)
        {
            return;
        }

        if (ResetPending(command.Connection))
        {
            Interlocked.Increment(ref _resets);
            _statements.Enqueue("-- connection reset (DISCARD ALL)");
        }

        // EF batches the statements of a save into one command, one statement a line ending in ";".
        foreach (var statement in command.CommandText.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Trim(';').Length > 0)
            {
                _statements.Enqueue(statement);
            }
        }
    }

    /// <summary>Whether the physical connection under this command has a reset queued to go out in front of it.</summary>
    public static bool ResetPending(DbConnection? connection)
    {
        if (connection is not NpgsqlConnection npgsql || ConnectorProperty.GetValue(npgsql) is not { } connector)
        {
            return false;
        }

        const BindingFlags any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var pending = connector.GetType().GetProperty("PendingPrependedResponses", any)
            ?? throw new InvalidOperationException("NpgsqlConnector.PendingPrependedResponses is gone: the statement counter cannot see connection resets any more");
        var status = connector.GetType().GetProperty("TransactionStatus", any)
            ?? throw new InvalidOperationException("NpgsqlConnector.TransactionStatus is gone: the statement counter cannot tell a BEGIN from a reset any more");
        // A transaction begun and not yet sent also rides in front of the next command (its BEGIN, two responses: the
        // command's completion and the server's ready-for-query), like a reset (two as well): that is no reset.
        var begin = status.GetValue(connector)?.ToString() == "Pending" ? 2 : 0;
        return (int)pending.GetValue(connector)! - begin > 0;
    }
}

using Microsoft.Data.Sqlite;
using Npgsql;

namespace Proeftuin.Web;

/// <summary>
/// A database that cannot be reached (PostgreSQL restarting or refusing connections, a broken pooled connection, the
/// connection pool exhausted, SQLite still busy or locked when its timeout ran out) is a passing outage, not a bug:
/// it is answered with 503 and "probeer het zo nog eens" (a Dutch page, or problem+json on the API), never an empty
/// 500. EF Core may wrap the provider's exception (DbUpdateException, or InvalidOperationException from the execution
/// strategy for a transient failure), so the whole chain of inner exceptions is looked at.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The status an unhandled exception is answered with: 503 for an unreachable database, else 500.</summary>
    public static int StatusFor(Exception exception) =>
        IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>True when this exception, or one it wraps, says the database cannot be reached right now.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            if (exception is AggregateException aggregate)
                return aggregate.InnerExceptions.Any(IsUnavailable);
            if (Says(exception)) return true;
            exception = exception.InnerException;
        }
        return false;
    }

    private static bool Says(Exception exception) => exception switch
    {
        // Server-side: connection exceptions (class 08), shutting down or starting up (57P01-57P03), too many connections.
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        // Client-side: refused or broken connection, timeout, pool exhausted (Npgsql calls these transient).
        NpgsqlException n => n.IsTransient,
        // SQLITE_BUSY (5) or SQLITE_LOCKED (6), extended codes included: another writer held on past the timeout.
        SqliteException s => (s.SqliteErrorCode & 0xFF) is 5 or 6,
        _ => false,
    };

    /// <summary>The exception handler's options: the path (pages) or none (problem+json), with this status choice.</summary>
    public static ExceptionHandlerOptions HandlerOptions(string? path = null) => new()
    {
        ExceptionHandlingPath = path is null ? null : new PathString(path),
        StatusCodeSelector = StatusFor,
    };
}

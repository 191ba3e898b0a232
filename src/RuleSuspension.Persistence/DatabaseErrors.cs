using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RuleSuspension.Persistence;

/// <summary>Tells the failures that mean "someone else changed it first" from the ones that are bugs.</summary>
public static class DatabaseErrors
{
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>A concurrency-token mismatch or a unique key met: a concurrent writer won.</summary>
    public static bool IsConflict(DbUpdateException exception) => exception is DbUpdateConcurrencyException || exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresUniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}

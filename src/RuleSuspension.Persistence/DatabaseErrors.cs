using Microsoft.EntityFrameworkCore;

namespace RuleSuspension.Persistence;

/// <summary>Tells the failures that mean "someone else changed it first" from the ones that are bugs.</summary>
public static class DatabaseErrors
{
    /// <summary>A concurrency-token mismatch or a unique key met: a concurrent writer won.</summary>
    public static bool IsConflict(DbUpdateException exception) => exception is DbUpdateConcurrencyException
        || (exception.InnerException is { } inner && DatabaseDialects.All.Any(d => d.IsUniqueViolation(inner)));

    /// <summary>As above, for a caller that sees any exception (the HTTP error mapping holds no EF Core type).</summary>
    public static bool IsConflict(Exception exception) => exception is DbUpdateException update && IsConflict(update);
}

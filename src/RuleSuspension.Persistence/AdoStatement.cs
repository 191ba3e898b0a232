using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RuleSuspension.Persistence;

/// <summary>
/// A fixed statement run in the context's current transaction through plain ADO.NET: for the lock statements, which
/// run with every event, EF's query pipeline would cost more than the statement.
/// </summary>
internal static class AdoStatement
{
    public static async Task<object?> ScalarAsync(RuleSuspensionDb db, string sql, string parameterName, object value, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = parameterName;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

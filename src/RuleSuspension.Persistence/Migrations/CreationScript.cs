using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace RuleSuspension.Persistence.Migrations;

/// <summary>
/// Creates a database that has no migration history in one step: every migration's SQL, as EF generates it
/// (<c>Migrations/&lt;provider&gt;/Create.sql</c>, written by <c>scripts/add-migration.sh</c>), run in one transaction,
/// history rows included. EF's migrator would run the same SQL migration by migration, but first builds each
/// migration's target model, which was most of a fresh start's migration phase. A database with a history, however
/// it was created, is migrated by EF's migrator as before, so a migration added later applies to both alike.
/// <c>CreationScriptSpecs</c> fail while a script differs from what the migrations generate.
/// </summary>
internal static class CreationScript
{
    /// <summary>The script of a provider, as embedded in this assembly (see the project file).</summary>
    public static string Text(DatabaseProvider provider)
    {
        var name = $"CreationScript.{provider}.sql";
        using var stream = typeof(CreationScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The creation script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What the migrations generate as one script without transactions of its own (the embedded one must equal it).</summary>
    public static string Generate(RuleSuspensionDb db)
        => db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

    /// <summary>
    /// Runs the provider's script when the database has no migration history and answers true; answers false, having
    /// changed nothing, when it has one. <paramref name="historyExistsSql"/> answers whether EF's history table exists
    /// (EF's own check does not say it on every provider). It is asked again inside the transaction once
    /// <paramref name="creatorLockSql"/> (run first in it, where the transaction's begin does not lock the database
    /// already) is held: a second node or process creating the same database meanwhile is waited for, then finds the
    /// history and leaves the rest to EF's migrator.
    /// </summary>
    public static async Task<bool> RunIfFreshAsync(RuleSuspensionDb db, string historyExistsSql, string? creatorLockSql, CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await HistoryExistsAsync(db, historyExistsSql, cancellationToken))
            {
                return false;
            }

            var script = Text(db.Dialect.Provider);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (creatorLockSql is not null)
            {
                await ExecuteAsync(db, creatorLockSql, cancellationToken);
            }

            if (await HistoryExistsAsync(db, historyExistsSql, cancellationToken))
            {
                return false;
            }

            await ExecuteAsync(db, script, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// What EF's migrator does first: a server that does not have the database yet is asked for an empty one, so a
    /// deployment may name a database that is not there. Nodes creating it at the same moment are the provider's creator's
    /// to reconcile: with Npgsql's, six nodes started at once on a missing database all start (<c>CreationScriptSpecs</c>).
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
    }

    private static async Task<bool> HistoryExistsAsync(RuleSuspensionDb db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(RuleSuspensionDb db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Plain ADO.NET in the current transaction: the script is run as written (EF's raw SQL reads braces as placeholders).</summary>
    private static DbCommand Command(RuleSuspensionDb db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}

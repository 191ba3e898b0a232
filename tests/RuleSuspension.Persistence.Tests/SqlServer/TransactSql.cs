using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace RuleSuspension.Persistence.Tests.SqlServer;

/// <summary>Microsoft's T-SQL parser (SQL Server 2022 grammar, quoted identifiers on as SqlClient sets them): the errors of a script, as "line:column message".</summary>
internal static class TransactSql
{
    public static IReadOnlyList<string> Errors(string script)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
        return errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
    }

    /// <summary>A statement with EF's placeholders (<c>{0}</c>, <c>{1}</c>, ...) as the parameters EF binds them to.</summary>
    public static string WithParameters(string sql) => string.Format(sql, "@p0", "@p1", "@p2", "@p3");
}

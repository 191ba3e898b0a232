using Npgsql;

namespace RuleSuspension.Persistence.Tests;

public class DatabaseSettingsSpecs
{
    private static NpgsqlConnectionStringBuilder Tuned(string connectionString)
        => new(new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString }.PostgresConnectionString());

    [Fact]
    public void PostgreSql_statements_are_prepared_and_connections_kept_by_default()
    {
        var tuned = Tuned("Host=db;Database=rs;Username=rs");

        Assert.Equal(128, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void What_the_operator_wrote_is_kept()
    {
        var tuned = Tuned("Host=db;Database=rs;MaxAutoPrepare=0;No Reset On Close=false");

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused()
    {
        var settings = new DatabaseSettings { Provider = DatabaseProvider.PostgreSql };

        var refused = Assert.Throws<InvalidOperationException>(settings.PostgresConnectionString);

        Assert.Contains("Database:ConnectionString", refused.Message);
    }
}

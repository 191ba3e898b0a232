namespace RuleSuspension.Load.Tests;

/// <summary>The load tool's command line: a run that would measure something other than what was asked is refused
/// before a server or database is started.</summary>
public sealed class LoadOptionsSpecs
{
    [Fact]
    public void Given_flags_replace_their_defaults()
    {
        var options = LoadOptions.Parse(["--database", "Sqlite", "--rate", "400", "--seconds", "20", "--kill-after", "5"]);

        Assert.Equal(("Sqlite", 400, 20, 5), (options.Database, options.Rate, options.Seconds, options.KillAfterSeconds));
    }

    [Fact]
    public void A_flag_not_given_keeps_its_default()
    {
        var options = LoadOptions.Parse(["--database", "Sqlite"]);

        Assert.Equal((1000, 120, 60, 32, 20000), (options.Rate, options.Seconds, options.FirstSeconds, options.Concurrency, options.MaxEvents));
    }

    [Fact]
    public void An_unknown_flag_is_refused_by_name()
    {
        var refused = Assert.Throws<LoadOptionsException>(() => LoadOptions.Parse(["--database", "Sqlite", "--rates", "400"]));

        Assert.Equal("unknown flag '--rates'", refused.Message);
    }

    [Fact]
    public void A_flag_without_its_value_is_refused()
    {
        var refused = Assert.Throws<LoadOptionsException>(() => LoadOptions.Parse(["--database", "Sqlite", "--rate"]));

        Assert.Equal("--rate needs a value", refused.Message);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("-5")]
    [InlineData("2.5")]
    public void A_number_flag_given_something_else_is_refused(string value)
    {
        var refused = Assert.Throws<LoadOptionsException>(() => LoadOptions.Parse(["--database", "Sqlite", "--seconds", value]));

        Assert.Equal($"--seconds takes a whole number of 0 or more, not '{value}'", refused.Message);
    }

    [Fact]
    public void A_database_other_than_the_two_measured_is_refused()
    {
        var refused = Assert.Throws<LoadOptionsException>(() => LoadOptions.Parse(["--database", "SqlServer"]));

        Assert.Equal("--database is PostgreSql or Sqlite, not 'SqlServer'", refused.Message);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused()
    {
        var refused = Assert.Throws<LoadOptionsException>(() => LoadOptions.Parse(["--database", "PostgreSql", "--postgres", ""]));

        Assert.StartsWith("PostgreSQL needs --postgres", refused.Message);
    }
}

using Microsoft.Extensions.Configuration;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>The input limits are one options type, bound from <c>Limits:*</c>, and never above their columns.</summary>
public class LimitSettingsSpecs
{
    private static IConfiguration Settings(string key, string value)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

    [Fact]
    public void Limits_are_read_from_the_Limits_section()
    {
        var limits = ServerApp.InputLimitsFrom(Settings("Limits:EventMaxLead", "00:05:00"));

        Assert.Equal(TimeSpan.FromMinutes(5), limits.EventMaxLead);
    }

    [Theory]
    [InlineData("Limits:ReasonLength", "5000")]
    [InlineData("Limits:LabelLength", "500")]
    [InlineData("Limits:NameLength", "0")]
    public void A_text_limit_outside_its_column_stops_the_start(string key, string value)
    {
        var error = Assert.Throws<SettingsException>(() => ServerApp.InputLimitsFrom(Settings(key, value)));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Ingestion_limits_are_read_from_the_Limits_Ingestion_section()
    {
        var limits = ServerApp.InputLimitsFrom(Settings("Limits:Ingestion:QueueLength", "7"));

        Assert.Equal(7, limits.Ingestion.QueueLength);
    }

    [Theory]
    [InlineData("Limits:Ingestion:MaxConcurrent", "0")]
    [InlineData("Limits:Ingestion:QueueLength", "-1")]
    [InlineData("Limits:Ingestion:RetryAfterSeconds", "0")]
    public void An_ingestion_limit_that_admits_nothing_stops_the_start(string key, string value)
    {
        var error = Assert.Throws<SettingsException>(() => ServerApp.InputLimitsFrom(Settings(key, value)));

        Assert.Contains(key, error.Message);
    }
}

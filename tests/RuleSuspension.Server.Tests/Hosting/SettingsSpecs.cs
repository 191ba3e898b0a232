using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuleSuspension.Infrastructure.Outbox.Email;
using RuleSuspension.Server.Hosting;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>Every settings section is checked before the server starts: a broken value stops it, naming the key and the rule.</summary>
public sealed class SettingsSpecs
{
    /// <summary>One broken value of each section, and a word of the rule it breaks.</summary>
    public static TheoryData<string, string, string> BrokenValues => new()
    {
        { "Database:Provider", "Oracle", "Database:Provider" },
        { "Database:Provider", "PostgreSql", "required when Database:Provider is PostgreSql" },
        { "Limits:ReasonLength", "5000", "column" },
        { "Limits:MaxBodyBytes", "0", "at least 1024" },
        { "Limits:LatestDate", "1960-01-01", "after Limits:EarliestDate" },
        { "Suspensions:LiftingRole", "1", "not a role" },
        { "Suspensions:LoginRefusedMessage", "", "1 to" },
        { "OverdueCheck:Cron", "every day at two", "cron" },
        { "OverdueCheck:TimeZone", "Europe/Atlantis", "time zone" },
        { "OverdueCheck:BatchSize", "0", "between 1 and" },
        { "Scheduling:MaxConcurrency", "0", "between 1 and 64" },
        { "Scheduling:IdleWaitTime", "-00:00:01", "positive" },
        { "Webhooks:Endpoints:0:Url", "ftp://host.test/hooks", "http(s)" },
        { "Webhooks:PollInterval", "00:00:00", "positive" },
        { "Webhooks:MaxAttempts", "many", "Webhooks:MaxAttempts" },
        { "Telemetry:BacklogInterval", "00:00:00", "positive" },
        { "Telemetry:OtlpEndpoint", "/relative", "http(s)" },
        { "Decisions:Record", "sometimes", "Decisions:Record" },
        { "Rules:Assemblies:0", " ", "path of an assembly" },
    };

    [Theory]
    [MemberData(nameof(BrokenValues))]
    public void A_broken_value_stops_the_start_naming_its_key_and_rule(string key, string value, string rule)
    {
        var refused = Assert.Throws<SettingsException>(() => ServerApp.Build(Arguments((key, value))));

        Assert.Contains(key, refused.Message);
        Assert.Contains(rule, refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void Smtp_settings_are_checked_once_a_host_is_set()
    {
        var refused = Assert.Throws<SettingsException>(() => ServerApp.Build(Arguments(("Smtp:Host", "mail.test"), ("Smtp:From", "not an address"), ("Smtp:Port", "0"))));

        Assert.Contains("Smtp:Port must be between 1 and 65535 (it is 0)", refused.Message);
        Assert.Contains("Smtp:From must be an email address", refused.Message);
    }

    [Fact]
    public void Without_an_smtp_host_the_rest_of_the_section_is_not_checked()
    {
        using var app = ServerApp.Build(Arguments(("Smtp:Port", "0")));

        Assert.Equal(0, app.Services.GetRequiredService<SmtpSettings>().Port);
    }

    [Fact]
    public void A_section_is_also_served_as_options_checked_by_the_same_rules()
    {
        using var app = ServerApp.Build(Arguments(("Smtp:Host", "mail.test"), ("Smtp:From", "alerts@host.test"), ("Smtp:Port", "2525")));

        var options = app.Services.GetRequiredService<IOptions<SmtpSettings>>().Value;
        var broken = app.Services.GetRequiredService<IValidateOptions<SmtpSettings>>().Validate(null, new SmtpSettings { Host = "mail.test", From = "alerts@host.test", Port = 0 });

        Assert.Equal(2525, options.Port);
        Assert.Contains("Smtp:Port must be between 1 and 65535", broken.FailureMessage);
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_one_line_on_its_error_output()
    {
        using var server = Process.Start(ServerProcess(("Scheduling:MaxConcurrency", "0")))!;
        var errors = await server.StandardError.ReadToEndAsync();
        await server.WaitForExitAsync();

        Assert.Equal(1, server.ExitCode);
        Assert.Equal("Cannot start: Scheduling:MaxConcurrency must be between 1 and 64 (it is 0).", errors.Trim());
    }

    private static string[] Arguments(params (string Key, string Value)[] settings)
        => [$"--Data:Directory={Path.Combine(Path.GetTempPath(), "rs-tests", Guid.NewGuid().ToString("N"))}", "--urls=http://127.0.0.1:0",
            .. settings.Select(s => $"--{s.Key}={s.Value}")];

    private static ProcessStartInfo ServerProcess(params (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Server.dll"));
        foreach (var argument in Arguments(settings))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}

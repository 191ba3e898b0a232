using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Pipeline;

namespace RuleSuspension.Application.Tests;

/// <summary>The logging behaviour: every command is logged once with its name, customer and outcome, never its body.</summary>
public sealed class CommandLoggingSpecs
{
    private static readonly string Category = typeof(CommandLog).FullName!;

    [Fact]
    public async Task A_command_done_is_logged_at_debug_with_its_name_and_customer()
    {
        await using var host = await PipelineHost.StartAsync();

        await host.SendAsync(new UpsertCustomer("c-1", PipelineHost.Profile("Acme"), PipelineHost.Person));

        var record = Assert.Single(host.Logs, r => r.Category == Category);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.StartsWith("UpsertCustomer for c-1: done in ", record.Message);
    }

    [Fact]
    public async Task A_refused_command_is_logged_at_information_with_why()
    {
        await using var host = await PipelineHost.StartAsync();

        await Assert.ThrowsAsync<RequestValidationException>(
            () => host.SendAsync(new UpsertCustomer("c-1", PipelineHost.Profile(new string('n', 201)), PipelineHost.Person)));

        var record = Assert.Single(host.Logs, r => r.Category == Category);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.StartsWith("UpsertCustomer for c-1: refused (RequestValidationException) in ", record.Message);
    }

    [Fact]
    public async Task A_command_is_logged_without_its_body()
    {
        await using var host = await PipelineHost.StartAsync();

        await host.SendAsync(new UpsertCustomer("c-1", PipelineHost.Profile("Secret Name Ltd"), PipelineHost.Person));

        Assert.DoesNotContain(host.Logs, r => r.Category == Category && r.Message.Contains("Secret Name Ltd"));
    }
}

using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using RuleSuspension.Application.Customers;

namespace RuleSuspension.Application.Tests;

/// <summary>The validation behaviour: a command's validators run before its handler, and bad input goes no further.</summary>
public sealed class ValidationBehaviourSpecs
{
    [Fact]
    public async Task A_command_that_fails_validation_never_reaches_its_handler()
    {
        var handler = Substitute.For<ICommandHandler<UpsertCustomer, UpsertedCustomer>>();
        await using var host = await PipelineHost.StartAsync(services => services.AddScoped(_ => handler));

        await Assert.ThrowsAsync<RequestValidationException>(
            () => host.SendAsync(new UpsertCustomer("bad/id", PipelineHost.Profile("Acme"), PipelineHost.Person)));

        await handler.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Every_error_of_a_command_is_reported_at_once_keyed_by_its_field()
    {
        await using var host = await PipelineHost.StartAsync();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => host.SendAsync(new UpsertCustomer("bad/id", PipelineHost.Profile(new string('n', 201)), PipelineHost.Person)));

        Assert.Equal(["id", "name"], refused.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_command_refused_by_validation_writes_nothing()
    {
        await using var host = await PipelineHost.StartAsync();

        await Assert.ThrowsAsync<RequestValidationException>(
            () => host.SendAsync(new UpsertCustomer("c-1", PipelineHost.Profile(new string('n', 201)), PipelineHost.Person)));

        await using var db = host.Database();
        Assert.Empty(db.Customers);
    }
}

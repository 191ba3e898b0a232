using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary><c>GET /api/outbox</c> on a server without webhook endpoints: messages wait, and operators can see them.</summary>
public sealed class OutboxApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Outbox_route_refuses_a_viewer()
    {
        // Act
        var response = await server.Client(Role.Viewer).GetAsync("/api/outbox");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_endpoints_messages_stay_pending_and_untried()
    {
        // Arrange
        var customerId = NewCustomerId();
        await Accept(server.Client(), SignUp(customerId, identityVerified: false));

        // Act
        var pending = await Get(server.Client(Role.Admin), "/api/outbox?status=pending&limit=500");

        // Assert
        var message = Assert.Single(pending.EnumerateArray(), m => m.GetProperty("customerId").GetString() == customerId && m.GetProperty("type").GetString() == "customer.suspended");
        Assert.Equal("pending", message.GetProperty("status").GetString());
        Assert.Equal(0, message.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Unknown_status_is_a_bad_request()
    {
        // Act
        var response = await server.Client(Role.Admin).GetAsync("/api/outbox?status=stuck");

        // Assert
        await ExpectProblem(response, HttpStatusCode.BadRequest);
    }
}

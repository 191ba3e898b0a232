using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Security;

/// <summary><c>GET /api/me</c> tells any valid key its name and role, so that the web console can show what the role may do.</summary>
public class MeSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Integration)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Admin)]
    [InlineData(Role.SuperAdmin)]
    public async Task Every_role_learns_its_name_and_role(Role role)
    {
        var me = await Get(server.Client(role), "/api/me");

        Assert.Equal($"test-{role}".ToLowerInvariant(), me.GetProperty("name").GetString());
        Assert.Equal(role.ToString(), me.GetProperty("role").GetString());
        Assert.Equal("SuperAdmin", me.GetProperty("liftingRole").GetString());
    }

    [Fact]
    public async Task No_key_is_401() => await ExpectProblem(await server.Client(role: null).GetAsync("/api/me"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Unknown_key_is_401()
    {
        var client = server.Client(role: null);
        client.DefaultRequestHeaders.Add("X-Api-Key", "rsk_not-a-real-key");

        await ExpectProblem(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }
}

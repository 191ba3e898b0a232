using Microsoft.Extensions.Configuration;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Cli;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>Roles are exact names wherever one is read: never a number, never a combination of flags (issue #10, item 11).</summary>
public class RoleNameSpecs
{
    [Theory]
    [InlineData("1")]
    [InlineData("Admin, Finance")]
    [InlineData("SuperAdmin ")]
    public void A_lifting_role_that_is_not_a_role_name_stops_the_start(string role)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suspensions:LiftingRole"] = role }).Build();

        var error = Assert.Throws<SettingsException>(() => ServerApp.SuspensionPolicyFrom(configuration));

        Assert.Contains("Suspensions:LiftingRole", error.Message);
    }

    [Fact]
    public void A_lifting_role_is_read_case_insensitively()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suspensions:LiftingRole"] = "admin" }).Build();

        Assert.Equal(Role.Admin, ServerApp.SuspensionPolicyFrom(configuration).LiftingRole);
    }

    [Fact]
    public async Task The_keys_verb_refuses_a_role_given_as_a_number()
    {
        var data = Path.Combine(Path.GetTempPath(), "rs-keys-" + Guid.NewGuid().ToString("N"));

        var exit = await Verbs.Root().Parse(["keys", "create", "--role", "4", $"--Data:Directory={data}", $"--Workflows:Directory={Path.Combine(Infrastructure.TestServer.RepositoryRoot(), "workflows")}"]).InvokeAsync();

        Assert.NotEqual(0, exit);
    }
}

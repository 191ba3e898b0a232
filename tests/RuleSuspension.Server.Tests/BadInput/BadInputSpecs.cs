using System.Net;
using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// Sends every case of <see cref="BadInputCorpus"/> to the real server and checks, for each: a 4xx problem+json that
/// names the field, the database exactly as it was (every table's rows), and the server still healthy.
/// </summary>
public class BadInputSpecs(CorpusServer corpus) : IClassFixture<CorpusServer>
{
    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public async Task Is_refused_naming_the_field_and_writes_nothing(string name)
    {
        var bad = BadInputCorpus.Named(name);
        var before = await corpus.SnapshotAsync();

        var response = await corpus.SendAsync(bad.Role, bad.Method, bad.Url, bad.Body);

        var problem = await ExpectProblem(response, (HttpStatusCode)bad.Status);
        var fields = FieldsNamedBy(problem);
        Assert.True(fields.Any(f => f == bad.Field || f.StartsWith(bad.Field + "[") || f.StartsWith(bad.Field + ".")), $"Expected the field '{bad.Field}' among [{string.Join(", ", fields)}].");
        Assert.Empty((await corpus.SnapshotAsync()).DifferencesFrom(before));
        await Expect(await corpus.Server.Client(role: null).GetAsync("/health"), HttpStatusCode.OK);
    }

    /// <summary>The fields a problem names: the keys of <c>errors</c> (validation) or the paths of its items (documents).</summary>
    internal static IReadOnlyList<string> FieldsNamedBy(JsonElement problem)
    {
        if (!problem.TryGetProperty("errors", out var errors))
        {
            return [];
        }

        return errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : errors.EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToList();
    }
}

/// <summary>The corpus's "nothing written" is only as good as its snapshot: a write must show.</summary>
public class DatabaseSnapshotSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task A_changed_row_changes_the_snapshot()
    {
        var id = await CreateCustomer(server.Client());
        var before = await server.InScopeAsync(DatabaseSnapshot.TakeAsync);

        await Expect(await server.Client().PutJson($"/api/customers/{id}", new { name = "Renamed", email = "a@b.test", tenantId = "t-1" }), HttpStatusCode.OK);

        var differences = (await server.InScopeAsync(DatabaseSnapshot.TakeAsync)).DifferencesFrom(before);
        Assert.Contains(differences, d => d.StartsWith("customers", StringComparison.OrdinalIgnoreCase));
    }
}

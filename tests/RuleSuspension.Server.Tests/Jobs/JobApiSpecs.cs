using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Jobs;

public class JobApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task The_jobs_list_shows_the_overdue_check_with_its_schedule_and_next_fire_time()
    {
        var jobs = await Get(server.Client(Role.Viewer), "/api/jobs");

        var check = Assert.Single(jobs.EnumerateArray(), j => j.GetProperty("name").GetString() == "overdue-check");
        Assert.Equal("0 0 2 * * ?", check.GetProperty("cron").GetString());
        Assert.Equal("UTC", check.GetProperty("timeZone").GetString());
        var next = check.GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.Equal(new TimeSpan(2, 0, 0), next.UtcDateTime.TimeOfDay);
        Assert.InRange(next, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
    }

    [Theory]
    [InlineData(Role.Finance)]
    [InlineData(Role.Admin)]
    [InlineData(Role.SuperAdmin)]
    public async Task Finance_and_admins_may_run_the_check(Role role)
    {
        var response = await server.Client(role).PostJson("/api/jobs/overdue-check/run", new { asOf = "2026-03-01" });

        var accepted = await Expect(response, HttpStatusCode.Accepted);
        Assert.Equal($"/api/jobs/runs/{accepted.GetProperty("runId").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Integration)]
    public async Task Other_roles_may_not_run_the_check(Role role)
        => Assert.Equal(HttpStatusCode.Forbidden, (await server.Client(role).PostJson("/api/jobs/overdue-check/run", new { })).StatusCode);

    [Fact]
    public async Task The_check_runs_without_a_body_on_the_present_clock()
    {
        var response = await server.Client(Role.Finance).PostAsync("/api/jobs/overdue-check/run", null);

        var run = await JobSteps.WaitForRun(server.Client(), (await Expect(response, HttpStatusCode.Accepted)).GetProperty("runId").GetString()!);
        Assert.Equal(JsonValueKindNull, run.GetProperty("asOfDate").ValueKind);
        Assert.InRange(run.GetProperty("asOf").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_unreadable_as_of_is_refused_naming_the_field()
    {
        var problem = await ExpectProblem(await server.Client(Role.Finance).PostJson("/api/jobs/overdue-check/run", new { asOf = "next tuesday" }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

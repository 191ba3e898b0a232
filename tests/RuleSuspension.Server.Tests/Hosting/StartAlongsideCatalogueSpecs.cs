using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Infrastructure.Hosting;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>The work the start runs beside the catalogue's load (the scheduler's creation) is part of the start: its failure fails it.</summary>
public sealed class StartAlongsideCatalogueSpecs : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "rs-alongside", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Not created (the start failed first), or a log file still held open briefly: the OS cleans temp anyway.
        }
    }

    [Fact]
    public async Task A_failure_beside_the_catalogue_load_fails_the_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = Server(_data, database, new StartAlongsideCatalogue(_ => throw new InvalidOperationException("the scheduler's store cannot be opened")));

        var failure = Record.Exception(() => factory.Server);

        Assert.Contains("the scheduler's store cannot be opened", Flatten(failure));
    }

    [Fact]
    public async Task The_start_waits_for_the_work_beside_the_catalogue_load()
    {
        await using var database = await TestDatabase.CreateAsync();
        var done = false;
        await using var factory = Server(_data, database, new StartAlongsideCatalogue(async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            done = true;
        }));

        _ = factory.Server;

        Assert.True(done);
    }

    private static WebApplicationFactory<Program> Server(string data, TestDatabase database, StartAlongsideCatalogue work)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Directory", data);
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString ?? string.Empty);
            web.UseSetting("Workflows:Directory", Path.Combine(ServerProcess.RepositoryRoot(), "workflows"));
            web.UseSetting("Scheduling:SchedulerName", "tests-" + Path.GetFileName(data));
            web.ConfigureTestServices(services => services.AddSingleton(work));
        });

    private static string Flatten(Exception? e)
    {
        var messages = new List<string>();
        for (; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}

using Microsoft.Extensions.Configuration;

namespace RuleSuspension.Server.Hosting;

/// <summary>Where the server keeps its files: the SQLite database, logs and <c>admin.key</c>.</summary>
public sealed record DataDirectory(string Path)
{
    public static DataDirectory From(IConfiguration configuration)
    {
        var path = System.IO.Path.GetFullPath(configuration["Data:Directory"] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(path);
        return new DataDirectory(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}

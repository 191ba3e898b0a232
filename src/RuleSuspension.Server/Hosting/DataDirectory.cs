using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace RuleSuspension.Server.Hosting;

/// <summary>
/// Where the server keeps its files: the SQLite database (and its WAL and shared-memory files), Quartz's database,
/// logs and <c>admin.key</c>. On Unix all of it is the owner's alone: the directory 0700, every file 0600.
/// </summary>
public sealed record DataDirectory(string Path)
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static DataDirectory From(IConfiguration configuration)
    {
        var path = System.IO.Path.GetFullPath(configuration["Data:Directory"] is { Length: > 0 } configured ? configured : "data");
        if (!OperatingSystem.IsWindows())
        {
            // SQLite creates the WAL and shared-memory files, Serilog a log file a day, whenever they need them: the
            // process's file mask makes each of them owner-only as it is created.
            OwnerOnlyFileMask();
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
            RestrictExisting(path);
        }
        else
        {
            Directory.CreateDirectory(path);
        }

        return new DataDirectory(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Files of an older version, or copied in, are made owner-only too.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void RestrictExisting(string path)
    {
        System.IO.File.SetUnixFileMode(path, OwnerOnlyDirectory);
        foreach (var directory in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories))
        {
            System.IO.File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            System.IO.File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }

    private static void OwnerOnlyFileMask() => Umask(0b000_111_111);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}

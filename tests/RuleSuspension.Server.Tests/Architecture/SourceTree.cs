using System.Text.RegularExpressions;

namespace RuleSuspension.Server.Tests.Architecture;

/// <summary>The repository's C# sources as code: comments and string literals blanked, so that prose never counts.</summary>
internal static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every source file under <paramref name="folder"/> (relative to the root, '/'-separated), without bin/ and obj/.</summary>
    public static IEnumerable<string> Files(string folder)
        => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The lines of code of a file (1-based numbers) with comments and literals blanked.</summary>
    public static IEnumerable<(int Number, string Code)> CodeLines(string relativePath)
        => Code(File.ReadAllText(Path.Combine(Root, relativePath))).Split('\n').Select((line, i) => (i + 1, line));

    /// <summary>
    /// One pass over the text: comments and strings (regular, verbatim, raw, interpolated: their holes are blanked too,
    /// which only makes the checks stricter about what they see) become spaces; newlines stay, so line numbers hold.
    /// </summary>
    internal static string Code(string text)
        => CommentOrLiteral().Replace(text, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    [GeneratedRegex("""
        //[^\n]*|/\*.*?\*/|\$*"{3,}.*?"{3,}|\$?@"(?:[^"]|"")*"|@\$"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)+'
        """, RegexOptions.Singleline)]
    private static partial Regex CommentOrLiteral();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (RuleSuspension.sln) is not above " + AppContext.BaseDirectory);
    }
}

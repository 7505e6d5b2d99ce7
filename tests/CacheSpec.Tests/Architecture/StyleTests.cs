using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Architecture;

/// <summary>
/// The part of the code style the compiler does not check: no C# line is wider than .editorconfig's max_line_length.
/// </summary>
public class StyleTests
{
    private const int MaxLineLength = 120;

    /// <summary>Every folder that holds C#.</summary>
    private static readonly string[] CheckedRoots = ["server", "tests", "bench"];

    [Fact]
    public void No_line_is_wider_than_the_limit()
    {
        var wide = new List<string>();
        foreach (var root in CheckedRoots)
        {
            var folder = Path.Combine(RepositoryPaths.Root, root);
            Assert.True(Directory.Exists(folder), $"{folder} does not exist");
            foreach (var file in SourceFiles(folder))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Length > MaxLineLength)
                    {
                        var path = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
                        wide.Add($"{path}:{i + 1}: {lines[i].Length} columns");
                    }
                }
            }
        }
        Assert.True(wide.Count == 0,
            $"{wide.Count} line(s) wider than {MaxLineLength} columns:{Environment.NewLine}" +
            string.Join(Environment.NewLine, wide));
    }

    /// <summary>The .cs files under a folder, leaving out build output (bin, obj) and node_modules.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(folder, file)
                .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal);
}

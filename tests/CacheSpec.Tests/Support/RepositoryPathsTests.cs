using System.Reflection;

namespace CacheSpec.Tests.Support;

/// <summary>The tests read only what a clone of the repository holds: every path they are given lies inside it and
/// exists there.</summary>
public class RepositoryPathsTests
{
    [Fact]
    public void Every_path_lies_inside_the_repository_and_exists()
    {
        var root = Path.GetFullPath(RepositoryPaths.Root);
        var inside = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var properties = typeof(RepositoryPaths).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(string))
            .ToArray();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var path = Path.GetFullPath((string)property.GetValue(null)!);
            Assert.True(path == root || path.StartsWith(inside, StringComparison.Ordinal),
                $"RepositoryPaths.{property.Name} is {path}, outside {root}");
            Assert.True(File.Exists(path) || Directory.Exists(path),
                $"RepositoryPaths.{property.Name} ({path}) does not exist in the repository");
        }
    }
}

using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

/// <summary>Completion everywhere in the examples; what it offers where is in <see
/// cref="CursorBaselineTests"/>.</summary>
public class CompletionTests
{
    [Fact]
    public void Completion_never_throws_at_any_offset_of_the_examples()
    {
        foreach (var path in Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml",
            SearchOption.AllDirectories))
        {
            var workspace = new FeatureWorkspace(new[] { (path, File.ReadAllText(path)) });
            var file = workspace.File(path);
            for (var offset = 0; offset <= file.Text.Length; offset += 7)
            {
                var items = workspace.Snapshot.Complete(file, offset, FeatureWorkspace.Guidance);
                Assert.All(items, item => Assert.InRange(item.ReplaceSpan.End, item.ReplaceSpan.Start,
                    file.Text.Length));
                Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Documentation),
                    $"'{item.Label}' at {offset} of {path} has no documentation"));
            }
        }
    }
}

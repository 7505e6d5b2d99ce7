using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

/// <summary>Hovers everywhere in the examples; what each kind of hover says is in <see
/// cref="CursorBaselineTests"/>.</summary>
public class HoverTests
{
    [Fact]
    public void Hovers_never_throw_at_any_offset_of_the_examples()
    {
        var workspace = new FeatureWorkspace(Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml",
            SearchOption.AllDirectories)
            .Select(path => (path, File.ReadAllText(path))));
        var hovered = 0;
        foreach (var file in workspace.Snapshot.Files.Values)
        {
            for (var offset = 0; offset <= file.Text.Length; offset += 5)
            {
                if (workspace.Snapshot.Hover(file, offset, FeatureWorkspace.Guidance, id => id) is { } hover)
                {
                    hovered++;
                    Assert.True(hover.Markdown.Split('\n').Length <= 60);
                }
            }
        }
        Assert.True(hovered > 100);
    }
}

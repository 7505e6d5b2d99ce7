using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Support;

/// <summary>Edits of a one-file spec as the server makes them: the tree re-parsed where the edit falls, the file bound
/// with the one before.</summary>
public static class IncrementalEdit
{
    /// <summary>A spec of tests/cases/incremental, written for edits that keep some nodes and change what they
    /// mean.</summary>
    public static string Case(string name) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Cases, "incremental", name + ".yaml")).Replace("\r\n", "\n");

    /// <summary>The file before and after replacing the first occurrence of <paramref name="find"/>, the second from
    /// the first.</summary>
    public static (SpecFile Before, SpecFile After) Replace(string path, string text, string find, string replacement)
    {
        var before = SpecFile.Create(path, text);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        var span = new TextSpan(at, find.Length);
        var tree = before.Syntax.Edit(before.Text.WithChange(span, replacement), span, replacement.Length);
        return (before, SpecFile.Create(path, tree, previous: before));
    }

    /// <summary>
    /// The models of a spec before and after replacing one piece of text, from one host, as an editor keeps one per
    /// workspace, so its
    /// memory carries over; <paramref name="prepare"/> sees the first model before the second is made.
    /// </summary>
    public static (WorkspaceModel Before, WorkspaceModel After) Models(string text, string find, string replacement,
        Action<WorkspaceModel> prepare)
    {
        var (file, edited) = Replace("edited.cachespec.yaml", text, find, replacement);
        var host = new AnalysisHost();
        var before = host.Model(new[] { file });
        prepare(before);
        return (before, host.Model(new[] { edited }));
    }

    /// <summary>A model's findings are those of a fresh analysis of its one file's text, whatever it reused.</summary>
    public static void AssertSameFindingsAsAFreshAnalysis(WorkspaceModel model)
    {
        var file = Assert.Single(model.Files);
        var fresh = SpecAnalyzer.Analyze(new[] { (file.Path, file.Text.Text) });
        Assert.Equal(Specs.Render(fresh.Diagnostics), Specs.Render(SpecAnalyzer.Analyze(model).Diagnostics));
    }
}

using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Benchmarks;

/// <summary>
/// One typed character in a parsed file, as an editor sends it: the tree before, where the change fell and what it
/// inserted.
/// </summary>
public sealed record Keystroke(SyntaxTree Before, TextSpan Replaced, string Inserted)
{
    /// <summary>An "x" typed at the end of the name of the cache in the middle of the file.</summary>
    public static Keystroke InMiddle(SyntaxTree tree)
    {
        var text = tree.Text.Text;
        var caches = text.IndexOf("\ncaches:", StringComparison.Ordinal);
        var name = text.IndexOf("  - name: ", caches + (text.Length - caches) / 2, StringComparison.Ordinal);
        var at = text.IndexOf('\n', name);
        return new Keystroke(tree, new TextSpan(at, 0), "x");
    }

    /// <summary>
    /// A "#" typed at the very end of the file, in the comment lines after the last cache (the latency harness's
    /// keystroke).
    /// </summary>
    public static Keystroke AtEnd(SyntaxTree tree)
    {
        var text = tree.Text.Text;
        return new Keystroke(tree, new TextSpan(text.Length, 0), "#");
    }

    /// <summary>
    /// The tree after the keystroke, as the server builds it: the new text (with its line index carried over), then the
    /// edited item re-parsed.
    /// </summary>
    public SyntaxTree Tree() => Before.Edit(Before.Text.WithChange(Replaced, Inserted), Replaced, Inserted.Length);
}

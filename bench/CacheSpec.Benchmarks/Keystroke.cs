using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Benchmarks;

/// <summary>One typed character in a parsed file, as an editor sends it: the tree before, the text after, and where the change fell.</summary>
public sealed record Keystroke(SyntaxTree Before, SourceText After, TextSpan Replaced, int InsertedLength)
{
    /// <summary>An "x" typed at the end of the name of the cache in the middle of the file.</summary>
    public static Keystroke InMiddle(SyntaxTree tree)
    {
        var text = tree.Text.Text;
        var caches = text.IndexOf("\ncaches:", StringComparison.Ordinal);
        var name = text.IndexOf("  - name: ", caches + (text.Length - caches) / 2, StringComparison.Ordinal);
        var at = text.IndexOf('\n', name);
        return new Keystroke(tree, new SourceText(text.Insert(at, "x")), new TextSpan(at, 0), 1);
    }

    /// <summary>A "#" typed at the very end of the file, in the comment lines after the last cache (the latency harness's keystroke).</summary>
    public static Keystroke AtEnd(SyntaxTree tree)
    {
        var text = tree.Text.Text;
        return new Keystroke(tree, new SourceText(text + "#"), new TextSpan(text.Length, 0), 1);
    }

    /// <summary>The tree after the keystroke, re-parsed where the change fell.</summary>
    public SyntaxTree Tree() => Before.Edit(After, Replaced, InsertedLength);
}

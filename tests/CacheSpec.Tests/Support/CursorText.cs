namespace CacheSpec.Tests.Support;

/// <summary>A case's text with its cursor markers ("$0") taken out, and the offsets where they stood, in
/// order.</summary>
public sealed record CursorText(string Text, IReadOnlyList<int> Cursors)
{
    public const string Marker = "$0";

    public static CursorText Parse(string marked)
    {
        var cursors = new List<int>();
        var text = new System.Text.StringBuilder();
        var rest = 0;
        for (var at = marked.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = marked.IndexOf(Marker, rest,
            StringComparison.Ordinal))
        {
            text.Append(marked, rest, at - rest);
            cursors.Add(text.Length);
            rest = at + Marker.Length;
        }
        text.Append(marked, rest, marked.Length - rest);
        return new CursorText(text.ToString(), cursors);
    }
}

using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>A file's inlay hints over its whole text, a hint a line: its position, its label, and its line with the
/// label shown in ‹›.</summary>
public static class InlayHintRendering
{
    public static string Render(FeatureWorkspace workspace, string path)
    {
        var file = workspace.File(path);
        var text = new System.Text.StringBuilder();
        foreach (var hint in workspace.Snapshot.InlayHints(file, new TextSpan(0, file.Text.Length)))
        {
            var line = file.Text.GetLineIndex(hint.Offset);
            var start = file.Text.GetLineStart(line);
            var lineText = file.Text.GetLineText(line).TrimEnd('\r');
            var at = Math.Min(hint.Offset - start, lineText.Length);
            var shown = $"{lineText[..at]}‹{hint.Label}›{lineText[at..]}";
            text.Append($"{Positions.Of(file.Text, hint.Offset)} {hint.Label} `{shown}`\n");
        }
        return text.Length == 0 ? "(no hints)\n" : text.ToString();
    }
}

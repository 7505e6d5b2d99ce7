using CacheSpec.Analysis.Features;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>
/// Each cursor's completion list in the engine's order, an item a paragraph: "label · category · sort text · replace span `text`",
/// then its detail, what it inserts and its documentation (one line in backticks, or continuation lines after "|").
/// </summary>
public static class CompletionRendering
{
    public static string Render(FeatureWorkspace workspace, FeatureCase.File caseFile)
    {
        var file = workspace.File(caseFile.Path);
        var text = new System.Text.StringBuilder();
        foreach (var offset in caseFile.Content.Cursors)
        {
            text.Append($"## {caseFile.Path} {Positions.Cursor(file.Text, offset)}\n");
            var items = workspace.Snapshot.Complete(file, offset, FeatureWorkspace.Guidance);
            if (items.Count == 0)
            {
                text.Append("(no items)\n");
            }
            foreach (var item in items)
            {
                text.Append($"{item.Label} · {item.Category.ToString().ToLowerInvariant()} · sort {item.SortText} · replace ")
                    .Append($"{Positions.Of(file.Text, item.ReplaceSpan)} `{Positions.Escape(file.Text.GetText(item.ReplaceSpan))}`\n");
                if (item.Detail is not null)
                {
                    text.Append($"  detail: {item.Detail}\n");
                }
                AppendLines(text, item.IsSnippet ? "snippet" : "inserts", item.InsertText);
                AppendLines(text, "doc", string.IsNullOrWhiteSpace(item.Documentation) ? "(none)" : item.Documentation);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void AppendLines(System.Text.StringBuilder text, string label, string value)
    {
        var lines = value.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            text.Append($"  {label}: `{lines[0]}`\n");
            return;
        }
        text.Append($"  {label}: {lines[0]}\n");
        foreach (var line in lines.Skip(1))
        {
            text.Append(new string(' ', label.Length + 2)).Append(line.Length == 0 ? "|" : "| " + line).Append('\n');
        }
    }
}

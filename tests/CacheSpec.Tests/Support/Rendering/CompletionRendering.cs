using System.Text;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>
/// Each cursor's completion list in the engine's order, an item a paragraph: "label · category · sort text · replace
/// span `text`",
/// then its detail, what it inserts and its documentation (one line in backticks, or continuation lines after "|").
/// </summary>
public static class CompletionRendering
{
    public static string Render(FeatureWorkspace workspace, FeatureCase.File caseFile) =>
        CursorRendering.Render(workspace, caseFile,
            (file, offset) => Items(file, workspace.Snapshot.Complete(file, offset, FeatureWorkspace.Guidance)));

    private static string Items(SpecFile file, IReadOnlyList<CompletionCandidate> items)
    {
        var text = new StringBuilder(items.Count == 0 ? "(no items)\n" : string.Empty);
        foreach (var item in items)
        {
            var category = item.Category.ToString().ToLowerInvariant();
            var replaced = Positions.Escape(file.Text.GetText(item.ReplaceSpan));
            text.Append($"{item.Label} · {category} · sort {item.SortText} · replace ")
                .Append($"{Positions.Of(file.Text, item.ReplaceSpan)} `{replaced}`\n");
            if (item.Detail is not null)
            {
                text.Append($"  detail: {item.Detail}\n");
            }
            AppendLines(text, item.IsSnippet ? "snippet" : "inserts", item.InsertText);
            AppendLines(text, "doc", string.IsNullOrWhiteSpace(item.Documentation) ? "(none)" : item.Documentation);
        }
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, string label, string value)
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

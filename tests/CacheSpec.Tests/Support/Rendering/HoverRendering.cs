using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>Each cursor's hover: the cursor, the range the hover describes and its text, and the Markdown as the editor gets it.</summary>
public static class HoverRendering
{
    public static string Render(FeatureWorkspace workspace, FeatureCase.File caseFile)
    {
        var file = workspace.File(caseFile.Path);
        var text = new System.Text.StringBuilder();
        foreach (var offset in caseFile.Content.Cursors)
        {
            text.Append($"## {caseFile.Path} {Positions.Cursor(file.Text, offset)}\n");
            var hover = workspace.Snapshot.Hover(file, offset, FeatureWorkspace.Guidance, FeatureWorkspace.RulePageLink);
            if (hover is null)
            {
                text.Append("(no hover)\n\n");
                continue;
            }
            text.Append($"range {Positions.Of(file.Text, hover.Span)} `{Positions.Escape(file.Text.GetText(hover.Span))}`\n")
                .Append(hover.Markdown.Replace("\r\n", "\n")).Append("\n\n");
        }
        return text.ToString();
    }
}

using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>Each cursor's hover: the range it describes and that range's text, then the Markdown as the editor gets
/// it.</summary>
public static class HoverRendering
{
    public static string Render(FeatureWorkspace workspace, FeatureCase.File caseFile) =>
        CursorRendering.Render(workspace, caseFile, (file, offset) => Hover(workspace, file, offset));

    private static string Hover(FeatureWorkspace workspace, SpecFile file, int offset)
    {
        if (workspace.Snapshot.Hover(file, offset, FeatureWorkspace.Guidance,
            FeatureWorkspace.RulePageLink) is not { } hover)
        {
            return "(no hover)\n";
        }
        return $"range {Positions.Of(file.Text, hover.Span)} `{Positions.Escape(file.Text.GetText(hover.Span))}`\n" +
            hover.Markdown.Replace("\r\n", "\n") + "\n";
    }
}

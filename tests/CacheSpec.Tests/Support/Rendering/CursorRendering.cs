using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>A "##" line per cursor of a case file (the file, the position, the line with "‸" at the cursor), then the
/// answer there.</summary>
public static class CursorRendering
{
    public static string Render(FeatureWorkspace workspace, FeatureCase.File caseFile, Func<SpecFile, int,
        string> answer)
    {
        var file = workspace.File(caseFile.Path);
        return string.Concat(caseFile.Content.Cursors.Select(offset =>
            $"## {caseFile.Path} {Positions.Cursor(file.Text, offset)}\n{answer(file, offset)}\n"));
    }
}

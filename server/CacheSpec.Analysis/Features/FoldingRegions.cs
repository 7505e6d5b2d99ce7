using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Folding for every block mapping or list that spans lines (from its key's line), and for runs of comment lines.
/// </summary>
public static class FoldingRegions
{
    public static IReadOnlyList<FoldingRegion> For(SpecFile file)
    {
        var regions = new List<FoldingRegion>();
        if (file.Syntax.IsTooLarge)
        {
            return regions;
        }
        var text = file.Text;
        void Add(int startOffset, int endOffset)
        {
            var start = text.GetLineIndex(startOffset);
            var end = text.GetLineIndex(endOffset);
            if (end > start)
            {
                regions.Add(new FoldingRegion(start, end, false));
            }
        }
        void Visit(SyntaxNode node)
        {
            // Only the nodes as written: an alias's target folds where it stands. The tree is never deeper than
            // AnalysisLimits.MaxNestingDepth.
            switch (node)
            {
                case MappingSyntax mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Value is MappingSyntax or SequenceSyntax)
                        {
                            Add(entry.Key.Span.Start, entry.Value.Span.End);
                            Visit(entry.Value);
                        }
                    }
                    break;
                case SequenceSyntax sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is MappingSyntax or SequenceSyntax)
                        {
                            Add(item.Span.Start, item.Span.End);
                            Visit(item);
                        }
                    }
                    break;
            }
        }
        foreach (var document in file.Syntax.Documents)
        {
            if (document.Root is { } root)
            {
                Visit(root);
            }
        }
        AddCommentBlocks(file, regions);
        return regions.Distinct().OrderBy(region => region.StartLine).ThenBy(region => region.EndLine).ToArray();
    }

    private static void AddCommentBlocks(SpecFile file, List<FoldingRegion> regions)
    {
        var start = -1;
        for (var line = 0; line <= file.Text.LineCount; line++)
        {
            var isComment = line < file.Text.LineCount && file.Text.GetLineText(line).TrimStart().StartsWith('#');
            if (isComment && start < 0)
            {
                start = line;
            }
            else if (!isComment && start >= 0)
            {
                if (line - 1 > start)
                {
                    regions.Add(new FoldingRegion(start, line - 1, true));
                }
                start = -1;
            }
        }
    }
}

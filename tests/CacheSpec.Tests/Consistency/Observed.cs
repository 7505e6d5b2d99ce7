using System.Text;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// Everything a reader of a parsed file can see, written out as lines: the line index, the positioned YAML tree with
/// its syntax errors, the outline, the folding and the diagnostics. Two files that render alike answer every editor
/// request alike.
/// </summary>
internal static class Observed
{
    private const int MaxDepth = 300;

    public static string Lines(SourceText text)
    {
        var lines = new StringBuilder($"{text.LineCount} lines, {text.Length} chars:");
        for (var line = 0; line < text.LineCount; line++)
        {
            lines.Append(' ').Append(text.GetLineStart(line)).Append('-').Append(text.GetLineEnd(line));
        }
        return lines.ToString();
    }

    public static string Tree(SyntaxTree tree)
    {
        var output = new StringBuilder();
        foreach (var document in tree.Documents)
        {
            output.Append("document ").Append(document.Index).Append(' ').Append(Span(document.Span)).Append('\n');
            if (document.Root is { } root)
            {
                Node(output, root, 1);
            }
        }
        foreach (var error in tree.Errors)
        {
            output.Append("error ").Append(Span(error.Span)).Append(' ').Append(error.Message).Append('\n');
        }
        return output.ToString();
    }

    public static string Outline(SpecFile file)
    {
        var output = new StringBuilder();
        void Write(SpecSymbol symbol, int depth)
        {
            output.Append(' ', depth * 2)
                .Append($"{symbol.Category} {symbol.Name} ({symbol.Detail}) ")
                .Append($"{Span(symbol.Span)} name {Span(symbol.NameSpan)}\n");
            foreach (var child in symbol.Children)
            {
                Write(child, depth + 1);
            }
        }
        foreach (var symbol in DocumentSymbols.For(file))
        {
            Write(symbol, 0);
        }
        foreach (var region in FoldingRegions.For(file))
        {
            output.Append($"fold {region.StartLine}-{region.EndLine}{(region.IsComment ? " comment" : "")}\n");
        }
        return output.ToString();
    }

    public static string Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d =>
            $"{d.Path} {Span(d.Span)} " +
                $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} " +
                $"{d.Severity} {d.Code} {d.Message}\n"));

    private static void Node(StringBuilder output, SyntaxNode node, int depth)
    {
        output.Append(' ', depth * 2);
        if (depth > MaxDepth)
        {
            // Mutated texts can nest hundreds of levels; comparing the first levels and the spans around them is
            // enough.
            output.Append($"{node.KindName} {Span(node.Span)} ...\n");
            return;
        }
        var anchor = node.Anchor is null ? "" : $" &{node.Anchor}";
        switch (node)
        {
            case AliasSyntax alias:
                output.Append($"alias *{alias.Name} {Span(alias.Span)} -> {Span(alias.Target.Span)}\n");
                break;
            case ScalarSyntax scalar:
                output.Append(
                    $"{scalar.KindName}{anchor} {Span(scalar.Span)} {(scalar.IsPlain ? "plain" : "styled")} " +
                    $"[{scalar.Value}]\n");
                break;
            case MappingSyntax mapping:
                output.Append($"mapping{anchor} {Span(mapping.Span)}{(mapping.IsFlow ? " flow" : "")}\n");
                foreach (var entry in mapping.Entries)
                {
                    Node(output, entry.Key, depth + 1);
                    Node(output, entry.Value, depth + 2);
                }
                break;
            case SequenceSyntax sequence:
                output.Append($"sequence{anchor} {Span(sequence.Span)}{(sequence.IsFlow ? " flow" : "")}\n");
                foreach (var item in sequence.Items)
                {
                    Node(output, item, depth + 1);
                }
                break;
            default:
                output.Append($"{node.KindName}{anchor} {Span(node.Span)}\n");
                break;
        }
    }

    private static string Span(TextSpan span) => $"[{span.Start}..{span.End})";
}

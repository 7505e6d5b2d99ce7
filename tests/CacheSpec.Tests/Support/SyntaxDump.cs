using System.Text;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Tests.Support;

/// <summary>A tree written out line by line (errors, limits, documents, every node with its kind, span, anchor, style
/// and value), so two trees compare as text.</summary>
public static class SyntaxDump
{
    public static string Of(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var error in tree.Errors)
        {
            builder.Append("error ").Append(error.Span).Append(' ').AppendLine(error.Message);
        }
        foreach (var limit in tree.Limits)
        {
            builder.Append("limit ").Append(limit.Span).Append(' ').AppendLine(limit.Message);
        }
        foreach (var document in tree.Documents)
        {
            builder.Append("document ").Append(document.Index).Append(' ').Append(document.Span).AppendLine();
            if (document.Root is not null)
            {
                Write(document.Root, builder, 1);
            }
        }
        return builder.ToString();
    }

    private static void Write(SyntaxNode node, StringBuilder builder, int depth)
    {
        builder.Append(' ', depth * 2).Append(node.KindName).Append(' ').Append(node.Span).Append(" &")
            .Append(node.Anchor);
        switch (node)
        {
            case ScalarSyntax scalar:
                builder.Append(scalar.IsPlain ? " plain " : " quoted ").Append(scalar.Value.Replace("\n", "\\n",
                    StringComparison.Ordinal)).AppendLine();
                break;
            case AliasSyntax alias:
                builder.Append(" *").Append(alias.Name).Append(" -> ").Append(alias.Target.Span).AppendLine();
                break;
            case MappingSyntax mapping:
                builder.AppendLine(mapping.IsFlow ? " flow" : " block");
                foreach (var entry in mapping.Entries)
                {
                    Write(entry.Key, builder, depth + 1);
                    Write(entry.Value, builder, depth + 2);
                }
                break;
            case SequenceSyntax sequence:
                builder.AppendLine(sequence.IsFlow ? " flow" : " block");
                foreach (var item in sequence.Items)
                {
                    Write(item, builder, depth + 1);
                }
                break;
        }
    }
}

using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>A parsed file: every document that could be read, and every syntax error found on the way.</summary>
public sealed class SyntaxTree
{
    public SyntaxTree(SourceText text, IReadOnlyList<DocumentSyntax> documents, IReadOnlyList<SyntaxError> errors)
    {
        Text = text;
        Documents = documents;
        Errors = errors;
    }

    public SourceText Text { get; }

    public IReadOnlyList<DocumentSyntax> Documents { get; }

    public IReadOnlyList<SyntaxError> Errors { get; }

    /// <summary>True when the text defines an anchor or uses an alias: an edit then re-parses the whole text, as aliases reach across it.</summary>
    internal bool HasAnchors { get; init; }

    public static SyntaxTree Parse(SourceText text) => YamlTreeBuilder.Build(text);

    /// <summary>
    /// The tree of a text after one edit of this tree's text: the edited item is parsed again and spliced in where that is certain to give
    /// the tree a full parse gives, otherwise the whole text is parsed.
    /// </summary>
    public SyntaxTree Edit(SourceText newText, TextSpan replaced, int insertedLength) =>
        IncrementalParser.TryReparse(this, newText, replaced, insertedLength) ?? Parse(newText);
}

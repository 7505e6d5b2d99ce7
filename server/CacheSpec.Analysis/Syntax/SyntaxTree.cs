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

    public static SyntaxTree Parse(SourceText text) => YamlTreeBuilder.Build(text);
}

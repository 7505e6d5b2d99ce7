using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>A parsed file: every document that could be read, and every syntax error found on the way.</summary>
public sealed class SyntaxTree
{
    public SyntaxTree(SourceText text, IReadOnlyList<DocumentSyntax> documents, IReadOnlyList<SyntaxError> errors,
        IReadOnlyList<LimitFinding>? limits = null)
    {
        Text = text;
        Documents = documents;
        Errors = errors;
        Limits = limits ?? Array.Empty<LimitFinding>();
    }

    public SourceText Text { get; }

    public IReadOnlyList<DocumentSyntax> Documents { get; }

    public IReadOnlyList<SyntaxError> Errors { get; }

    /// <summary>Where reading stopped at a limit: the text's size or its nesting depth.</summary>
    public IReadOnlyList<LimitFinding> Limits { get; }

    /// <summary>
    /// The parts of the text the parser could not read: from where it stopped at a syntax error or a nesting limit to
    /// where reading resumed (the next document marker) or the end. Nothing in them is in the tree.
    /// </summary>
    public IReadOnlyList<TextSpan> Unread { get; init; } = Array.Empty<TextSpan>();

    /// <summary>
    /// True when the text is longer than <see cref="AnalysisLimits.MaxTextLength"/>, so it was not parsed.
    /// </summary>
    public bool IsTooLarge => Text.Length > AnalysisLimits.MaxTextLength;

    /// <summary>
    /// True when the text defines an anchor or uses an alias: an edit then re-parses the whole text, as aliases reach
    /// across it.
    /// </summary>
    internal bool HasAnchors { get; init; }

    public static SyntaxTree Parse(SourceText text) => Parse(text, AnalysisOptions.Default.ParallelThreshold);

    /// <summary>
    /// The same with another threshold for scanning ahead on a second core. <see cref="BlockYamlReader"/> reads the
    /// plain block YAML specs are made of; YamlDotNet reads whatever it gives up on.
    /// </summary>
    internal static SyntaxTree Parse(SourceText text, int readAheadThreshold) =>
        text.Length <= AnalysisLimits.MaxTextLength
            && BlockYamlReader.TryRead(text.Text, 0, text.Length, enclosingDepth: 0) is { } document
            ? new SyntaxTree(text, new[] { document }, Array.Empty<SyntaxError>())
            : ParseWithYamlDotNet(text, readAheadThreshold);

    /// <summary>YamlDotNet alone, without the fast reader (the tests compare the two).</summary>
    internal static SyntaxTree ParseWithYamlDotNet(SourceText text, int readAheadThreshold) =>
        text.Length > AnalysisLimits.MaxTextLength ? TooLarge(text) : YamlTreeBuilder.Build(text, readAheadThreshold);

    /// <summary>
    /// The tree of a text after one edit of this tree's text: the edited item is parsed again and spliced in where that
    /// is certain to give the tree a full parse gives, otherwise the whole text is parsed.
    /// </summary>
    public SyntaxTree Edit(SourceText newText, TextSpan replaced, int insertedLength) =>
        IncrementalParser.TryReparse(this, newText, replaced, insertedLength) ?? Parse(newText);

    private static SyntaxTree TooLarge(SourceText text)
    {
        var limit = AnalysisLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture);
        var finding = new LimitFinding(new TextSpan(0, 0),
            $"The file is longer than {limit} characters (8 MiB), the most the checker reads: it is not checked. " +
                "Split it into several spec files.");
        return new SyntaxTree(text, Array.Empty<DocumentSyntax>(), Array.Empty<SyntaxError>(), new[] { finding });
    }
}

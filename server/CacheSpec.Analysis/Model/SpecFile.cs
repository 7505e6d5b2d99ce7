using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Model;

/// <summary>A spec file: its path (as the host names it), text, syntax tree and documents.</summary>
public sealed class SpecFile
{
    private SpecFile(string path, SyntaxTree syntax)
    {
        Path = path;
        Syntax = syntax;
    }

    public string Path { get; }

    public SourceText Text => Syntax.Text;

    public SyntaxTree Syntax { get; }

    public IReadOnlyList<SpecDocument> Documents { get; private set; } = Array.Empty<SpecDocument>();

    /// <summary>
    /// The file's "# cachespec-disable-next-line" comments, read once (none in a file too large to be checked).
    /// </summary>
    public IReadOnlyList<Suppression> Suppressions =>
        suppressions ??= Syntax.IsTooLarge ? Array.Empty<Suppression>() : SuppressionComments.Find(Text);

    private IReadOnlyList<Suppression>? suppressions;

    /// <summary>The cachespec.json settings that govern this file (none by default).</summary>
    public RuleConfiguration Configuration { get; private init; } = RuleConfiguration.Empty;

    /// <summary>
    /// Parses and binds a file. The profile override, when given, replaces every document's own guidance; the
    /// configuration's guidance applies to documents that name none.
    /// </summary>
    public static SpecFile Create(string path, string text, GuidanceProfile? profileOverride = null,
        RuleConfiguration? configuration = null) =>
        Create(path, SyntaxTree.Parse(new SourceText(text)), profileOverride, configuration);

    /// <summary>
    /// Binds an already parsed tree (an editor host keeps trees between edits, see <see cref="SyntaxTree.Edit"/>). The
    /// file as it was before the edit, when given, lends each document's format check the issues of the list items the
    /// edit did not touch.
    /// </summary>
    public static SpecFile Create(string path, SyntaxTree syntax, GuidanceProfile? profileOverride = null,
        RuleConfiguration? configuration = null,
        SpecFile? previous = null) =>
        Create(path, syntax, profileOverride, configuration, AnalysisOptions.Default, previous);

    /// <summary>
    /// The same with a host's options: the text from which a large document is read on two cores, the time limit
    /// (the file's reading, all its documents, is one stage) and the meter.
    /// </summary>
    internal static SpecFile Create(string path, SyntaxTree syntax, GuidanceProfile? profileOverride,
        RuleConfiguration? configuration, AnalysisOptions options,
        SpecFile? previous = null)
    {
        var file = new SpecFile(path, syntax) { Configuration = configuration ?? RuleConfiguration.Empty };
        var budget = AnalysisBudget.Start(options);
        file.Documents = DocumentsToBind(file.Syntax)
            .Select((document, index) =>
                SpecBinder.Bind(file, document, profileOverride, file.Configuration.Guidance,
                options.ParallelThreshold, budget,
                previous is not null && index < previous.Documents.Count ? previous.Documents[index] : null))
            .ToArray();
        return file;
    }

    /// <summary>
    /// The documents to read as specs. An empty document (nothing, or only comments, before or after a "---") beside
    /// written ones is no spec and is left out, as a trailing "---" often leaves one; a text with nothing else is one
    /// empty spec, reported as the spec without apiVersion or kind it is rather than passing unnoticed.
    /// </summary>
    private static IReadOnlyList<DocumentSyntax> DocumentsToBind(SyntaxTree syntax)
    {
        var documents = syntax.Documents;
        if (documents.Count == 0)
        {
            return syntax.Errors.Count > 0 || syntax.Limits.Count > 0 ? documents
                : new[] { new DocumentSyntax(0, null, new TextSpan(0, 0)) };
        }
        var written = documents.Where(document => !IsEmpty(document)).ToArray();
        return written.Length == documents.Count ? documents : written.Length > 0 ? written : new[] { documents[0] };
    }

    private static bool IsEmpty(DocumentSyntax document) =>
        !document.IsCutShort && document.Root?.Resolved is null or ScalarSyntax { IsNull: true };
}

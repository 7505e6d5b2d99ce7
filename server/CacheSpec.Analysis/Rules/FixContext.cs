using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// What a fix provider works from: the analysis, the diagnostic to fix, and the file and document it stands in.
/// </summary>
public sealed class FixContext
{
    internal FixContext(AnalysisResult analysis, Diagnostic diagnostic, SpecFile file)
    {
        Analysis = analysis;
        Diagnostic = diagnostic;
        File = file;
        Document = file.Documents.FirstOrDefault(document =>
            document.Syntax.Span.Start <= diagnostic.Span.Start && diagnostic.Span.End <= document.Syntax.Span.End);
    }

    public AnalysisResult Analysis { get; }

    public WorkspaceModel Model => Analysis.Model;

    public Diagnostic Diagnostic { get; }

    public TextSpan Span => Diagnostic.Span;

    public SpecFile File { get; }

    /// <summary>The document of the file that holds the diagnostic, when one does.</summary>
    public SpecDocument? Document { get; }

    /// <summary>The cache of this file whose mapping holds the diagnostic, when one does.</summary>
    public CacheModel? Cache => Document?.Caches.FirstOrDefault(cache => Holds(cache.Syntax));

    /// <summary>True when the diagnostic stands exactly on the node.</summary>
    public bool IsOn(SyntaxNode? node) => node is not null && node.Span == Span;

    private bool Holds(SyntaxNode node) => node.Span.Start <= Span.Start && Span.End <= node.Span.End;
}

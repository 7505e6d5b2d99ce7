using System.Collections.Immutable;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis;

/// <summary>
/// An immutable state of a workspace's files, made by an <see cref="AnalysisHost"/>, that answers every question about
/// them: the findings, and each editor question about a file of the snapshot at an offset. The model, the findings and
/// the name index are computed once each, when first asked for; files are analysed in path order, so which of two
/// duplicates is "first" never depends on hashing.
/// </summary>
public sealed class AnalysisSnapshot
{
    private readonly Lazy<WorkspaceModel> model;
    private readonly Lazy<AnalysisResult> analysis;
    private readonly Lazy<SymbolIndex> symbols;

    internal AnalysisSnapshot(AnalysisHost host, ImmutableDictionary<string, SpecFile> files,
        (string Key, SpecFile File)[] ordered)
    {
        Host = host;
        Files = files;
        Ordered = ordered;
        model = new Lazy<WorkspaceModel>(() =>
            host.ModelAfterLast(Array.ConvertAll(ordered, entry => entry.File)), isThreadSafe: true);
        analysis = new Lazy<AnalysisResult>(() => host.AnalyzeFromLast(Model), isThreadSafe: true);
        symbols = new Lazy<SymbolIndex>(() => new SymbolIndex(Model), isThreadSafe: true);
    }

    /// <summary>The host that made this snapshot.</summary>
    public AnalysisHost Host { get; }

    /// <summary>The files, by the key their host was given.</summary>
    public ImmutableDictionary<string, SpecFile> Files { get; }

    /// <summary>The files by path (then key), as analyses read them.</summary>
    internal (string Key, SpecFile File)[] Ordered { get; }

    /// <summary>
    /// Every file's names and objects, without the rules' findings: all that completion, hints and navigation need.
    /// </summary>
    public WorkspaceModel Model => model.Value;

    /// <summary>The model and every rule's findings.</summary>
    public AnalysisResult Analysis => analysis.Value;

    /// <summary>Declarations and references of every named thing, for navigation and rename.</summary>
    public SymbolIndex Symbols => symbols.Value;

    public IEnumerable<Diagnostic> Findings(SpecFile file) => Analysis.For(file.Path);

    public HoverInfo? Hover(SpecFile file, int offset, GuidanceRenderer guidance, Func<string, string> rulePageLink) =>
        HoverService.Hover(file, offset, Analysis, guidance, rulePageLink);

    public IReadOnlyList<CompletionCandidate> Complete(SpecFile file, int offset, GuidanceRenderer guidance) =>
        CompletionService.Complete(file, offset, Model, guidance);

    public IReadOnlyList<CodeFix> Fixes(Diagnostic diagnostic) => CodeFixes.For(Analysis, diagnostic);

    public IReadOnlyList<Occurrence> Definition(SpecFile file, int offset) =>
        Navigation.Definition(Symbols, file, offset);

    public IReadOnlyList<Occurrence> References(SpecFile file, int offset, bool includeDeclaration) =>
        Navigation.References(Symbols, file, offset, includeDeclaration);

    public IReadOnlyList<Occurrence> Highlights(SpecFile file, int offset) =>
        Navigation.Highlights(Symbols, file, offset);

    public TextSpan? PrepareRename(SpecFile file, int offset) => Navigation.PrepareRename(Symbols, file, offset);

    public RenameResult Rename(SpecFile file, int offset, string newName) =>
        Navigation.Rename(Symbols, file, offset, newName);

    public IReadOnlyList<InlayHint> InlayHints(SpecFile file, TextSpan range) =>
        Features.InlayHints.For(file, Model, range);

    public static IReadOnlyList<SpecSymbol> Outline(SpecFile file) => DocumentSymbols.For(file);

    public static IReadOnlyList<FoldingRegion> Folding(SpecFile file) => FoldingRegions.For(file);
}

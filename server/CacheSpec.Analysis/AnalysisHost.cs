using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis;

/// <summary>
/// The engine's one stateful object. It parses and binds files with its options, builds models over them, and analyses those models;
/// whatever an analysis keeps for the next (<see cref="AnalysisMemory"/>) belongs to it, so two hosts (two workspaces, the command
/// line, two tests) never share anything. The command line uses one per check, the language server one per workspace.
/// </summary>
public sealed class AnalysisHost
{
    private readonly AnalysisMemory memory = new();

    public AnalysisHost(AnalysisOptions? options = null) => Options = options ?? AnalysisOptions.Default;

    public AnalysisOptions Options { get; }

    public SyntaxTree Parse(SourceText text) => SyntaxTree.Parse(text, Options.ParallelThreshold);

    /// <summary>
    /// The tree of a text after one edit of a tree's text: the edited item is parsed again and spliced in where that is certain to give
    /// the tree a full parse gives, otherwise the whole text is parsed.
    /// </summary>
    public SyntaxTree Edit(SyntaxTree tree, SourceText newText, TextSpan replaced, int insertedLength) =>
        IncrementalParser.TryReparse(tree, newText, replaced, insertedLength) ?? Parse(newText);

    /// <summary>
    /// Parses and binds a file. The profile override, when given, replaces every document's own guidance; the configuration's guidance
    /// applies to documents that name none.
    /// </summary>
    public SpecFile File(string path, string text, GuidanceProfile? profileOverride = null, RuleConfiguration? configuration = null) =>
        File(path, Parse(new SourceText(text)), profileOverride, configuration);

    /// <summary>
    /// Binds an already parsed tree. The file as it was before an edit, when given, lends the new one the items the edit left alone.
    /// </summary>
    public SpecFile File(string path, SyntaxTree syntax, GuidanceProfile? profileOverride = null, RuleConfiguration? configuration = null,
        SpecFile? previous = null) =>
        SpecFile.Create(path, syntax, profileOverride, configuration, Options.ParallelThreshold, previous);

    /// <summary>An immutable state of these files, which answers every question about them.</summary>
    public AnalysisSnapshot Snapshot(IEnumerable<SpecFile> files) => new(this, files);

    /// <summary>Every file's names and objects, without the rules' findings: all that completion, hints and navigation need.</summary>
    public WorkspaceModel Model(IReadOnlyList<SpecFile> files) => new(files, memory);

    /// <summary>Checks files as one workspace.</summary>
    public AnalysisResult Analyze(IReadOnlyList<SpecFile> files) => Analyze(Model(files));

    /// <summary>Checks a model built beforehand (an editor builds it first for completion, which needs no rules).</summary>
    public AnalysisResult Analyze(WorkspaceModel model, IReadOnlyList<Rule>? rules = null) => SpecAnalyzer.Analyze(model, rules, Options);
}

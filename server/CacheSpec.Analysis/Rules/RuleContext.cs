using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// What a rule sees (the workspace model) and how it reports; severity comes from the rule and the document's profile.
/// </summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> diagnostics;

    internal RuleContext(WorkspaceModel model, List<Diagnostic> diagnostics, AnalysisBudget? budget = null,
        RuleScope? scope = null)
    {
        Model = model;
        this.diagnostics = diagnostics;
        Budget = budget ?? AnalysisBudget.Unlimited;
        Scope = scope ?? RuleScope.Everything(model);
    }

    /// <summary>The whole workspace, where names are looked up.</summary>
    public WorkspaceModel Model { get; }

    /// <summary>What this analysis checks; rules loop over the lists below, never over the model's.</summary>
    public RuleScope Scope { get; }

    /// <summary>
    /// The files the current rule checks: the changed ones, or for the rule that reads findings, every file whose
    /// findings are gathered again.
    /// </summary>
    public IReadOnlyList<SpecFile> Files =>
        Current!.Reads == RuleInputs.Findings ? Scope.FindingFiles : Scope.ChangedFiles;

    /// <summary>The documents the current rule checks (those of the changed files).</summary>
    public IReadOnlyList<SpecDocument> Documents => Scope.Documents;

    public IReadOnlyList<NetworkModel> Networks => Items.Networks;

    public IReadOnlyList<NsgModel> NetworkSecurityGroups => Items.NetworkSecurityGroups;

    public IReadOnlyList<CacheModel> Caches => Items.Caches;

    /// <summary>The private DNS zones (v1.1) the current rule checks.</summary>
    public IReadOnlyList<PrivateDnsZoneModel> PrivateDnsZones => Items.PrivateDnsZones;

    /// <summary>The subnets with injected caches whose findings may lie in the items the current rule checks.</summary>
    public IReadOnlyList<SubnetModel> InjectedSubnets => Items.InjectedSubnets;

    private ScopedItems Items => Current!.Reads <= RuleInputs.Item ? Scope.Local : Scope.Crossing;

    /// <summary>The rules' deadline and meter, shared by every rule of the analysis.</summary>
    public AnalysisBudget Budget { get; }

    /// <summary>
    /// Counts work done in a rule's loop and stops the rule once the analysis's time limit has passed (the analyzer
    /// keeps what it reported and names it as cut short). Every rule calls it per item of its loops, so a rule that
    /// reports nothing still stops within a few items; every report passes here too.
    /// </summary>
    public void Checkpoint(long operations = 1)
    {
        Budget.Count(operations);
        Budget.ThrowIfSpent();
    }

    /// <summary>The list this context reports into.</summary>
    internal List<Diagnostic> Diagnostics => diagnostics;

    /// <summary>
    /// What the current rule is checking (a cache, network, NSG or injected subnet), set by the rules that read across
    /// items: an incremental analysis replaces a unit's findings, wherever they lie, when it checks the unit again.
    /// </summary>
    internal object? Unit { get; set; }

    /// <summary>
    /// The unit each finding was reported for, beside <see cref="Diagnostics"/> (null outside a unit).
    /// </summary>
    internal List<object?> Units { get; } = new();

    internal Rule? Current { get; set; }

    /// <summary>The ids of the rules the analysis's time limit left out, in catalog order.</summary>
    internal List<string> Skipped { get; } = new();

    /// <summary>The ids of the rules the time limit stopped before they finished, in catalog order.</summary>
    internal List<string> CutShort { get; } = new();

    /// <summary>
    /// True when the rule did not run because the analysis's time limit had passed (its suppressions cannot be judged).
    /// </summary>
    public bool WasSkipped(string ruleId) => Skipped.Contains(ruleId) || CutShort.Contains(ruleId);

    /// <summary>The findings of the rules that ran before this one (the suppression rule reads them).</summary>
    public IReadOnlyList<Diagnostic> Findings => diagnostics;

    /// <summary>Removes findings that a suppression silences.</summary>
    public void Remove(IReadOnlySet<Diagnostic> silenced) => diagnostics.RemoveAll(silenced.Contains);

    /// <summary>
    /// True when the current rule has a severity in the document's profile (so it is worth checking there).
    /// </summary>
    public bool Applies(SpecDocument document) => Current!.Severities.For(document.Profile) is not null;

    public void Report(SpecDocument document, SyntaxNode node, string message, string? detail = null) =>
        Report(document, node.Span, message, detail);

    public void Report(SpecDocument document, TextSpan span, string message, string? detail = null)
    {
        Checkpoint();
        // A structure rule judges what is written; the others judge what a cache or network lacks, which a syntax error
        // may hide.
        if (Current!.Category != RuleCategory.Structure && document.IsInItemCutShort(span.Start))
        {
            return;
        }
        if (Current!.Severities.For(document.Profile) is { } severity
            && Configured(document.File, severity) is { } configured)
        {
            Add(document.File, span, configured, message, detail: detail);
        }
    }

    /// <summary>Reports a finding that belongs to a file rather than a document (syntax errors).</summary>
    public void Report(SpecFile file, TextSpan span, string message)
    {
        if (Configured(file, Current!.Severities.Current ?? DiagnosticSeverity.Error) is { } severity)
        {
            Add(file, span, severity, message);
        }
    }

    /// <summary>
    /// The severity cachespec.json gives the current rule's finding in a file (null: dropped); the rules that cannot be
    /// silenced keep theirs.
    /// </summary>
    private DiagnosticSeverity? Configured(SpecFile file, DiagnosticSeverity severity) =>
        RuleCatalog.CannotBeSilenced(Current!.Id) ? severity : file.Configuration.Apply(Current.Id, severity);

    internal void Add(SpecFile file, TextSpan span, DiagnosticSeverity severity, string message, string? code = null,
        string? detail = null)
    {
        var start = Math.Clamp(span.Start, 0, file.Text.Length);
        var end = Math.Clamp(span.End, start, file.Text.Length);
        var clamped = TextSpan.FromBounds(start, end);
        diagnostics.Add(
            new Diagnostic(code ?? Current!.Id, severity, message, file.Path, clamped, file.Text.GetRange(clamped),
                detail));
        Units.Add(Unit);
    }
}

using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Protocol;
using Engine = CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Lsp.Edge;

/// <summary>
/// Engine terms into LSP records: the one place the server builds them (an architecture test checks that no other code
/// does). This part: positions, ranges and diagnostics.
/// </summary>
internal static partial class ToLsp
{
    public const string Source = "cachespec";

    public static Position Position(LinePosition position) => new(position.Line, position.Character);

    public static Protocol.Range Range(LineRange range) => new(Position(range.Start), Position(range.End));

    public static Protocol.Range Range(SourceText text, TextSpan span) => Range(text.GetRange(span));

    public static Protocol.Diagnostic Diagnostic(Engine.Diagnostic diagnostic) => new(
        Range(diagnostic.Range),
        Severity(diagnostic.Severity),
        diagnostic.Code,
        new CodeDescription(RuleDocumentation.HelpUri(diagnostic.Code)),
        Source,
        diagnostic.Message);

    public static Protocol.Diagnostic[] Diagnostics(IEnumerable<Engine.Diagnostic> findings) =>
        findings.Select(Diagnostic).ToArray();

    public static DiagnosticSeverity Severity(Engine.DiagnosticSeverity severity) => severity switch
    {
        Engine.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        Engine.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        Engine.DiagnosticSeverity.Info => DiagnosticSeverity.Information,
        _ => DiagnosticSeverity.Hint,
    };

    public static PublishDiagnosticsParams Publication(string uri, int? version,
        IEnumerable<Engine.Diagnostic> findings, bool outOfSync = false) =>
        new(uri, version, Diagnostics(findings, outOfSync));

    public static FullDocumentDiagnosticReport Report(long generation, IEnumerable<Engine.Diagnostic> findings,
        bool outOfSync = false) =>
        new("full", $"{generation}", Diagnostics(findings, outOfSync));

    /// <summary>
    /// A document's diagnostics, headed by one saying its text is out of sync when the server lost an edit to it.
    /// </summary>
    private static Protocol.Diagnostic[] Diagnostics(IEnumerable<Engine.Diagnostic> findings, bool outOfSync) =>
        outOfSync ? Diagnostics(findings).Prepend(OutOfSync).ToArray() : Diagnostics(findings);

    /// <summary>Not a rule's finding: the state of the server's copy of the document, which no rule can see.</summary>
    private static readonly Protocol.Diagnostic OutOfSync = new(
        new Protocol.Range(new Position(0, 0), new Position(0, 0)),
        DiagnosticSeverity.Error,
        "document-out-of-sync",
        null,
        Source,
        "An edit to this document could not be read, so the server stopped applying edits to it and the other "
        + "findings are for older text. Any change that sends the whole text (or closing and reopening the document) "
        + "brings it back in sync.");

    public static string Uri(string path) => DocumentUri.FromPath(path).Text;
}

using CacheSpec.Analysis.Text;


namespace CacheSpec.Server.Lsp.Conversion;

/// <summary>
/// The one place where the engine's offsets and line positions meet LSP's positions and file URIs. LSP counts characters in UTF-16
/// code units, as SourceText does, so a column converts one to one; positions past a line's end or the text's end clamp.
/// </summary>
public static class LspConverter
{
    public static Protocol.Position ToLsp(LinePosition position) => new(position.Line, position.Character);

    public static Protocol.Range ToLsp(LineRange range) => new(ToLsp(range.Start), ToLsp(range.End));

    public static Protocol.Range ToLsp(SourceText text, TextSpan span) => ToLsp(text.GetRange(span));

    public static int ToOffset(SourceText text, Protocol.Position position) => text.GetOffset(new LinePosition(position.Line, position.Character));

    public static TextSpan ToSpan(SourceText text, Protocol.Range range)
    {
        var start = ToOffset(text, range.Start);
        var end = ToOffset(text, range.End);
        return TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }

    public static Protocol.Diagnostic ToLsp(Analysis.Diagnostics.Diagnostic diagnostic) => new(
        ToLsp(diagnostic.Range),
        ToLsp(diagnostic.Severity),
        diagnostic.Code,
        new Protocol.CodeDescription(RuleDocumentation.HelpUri(diagnostic.Code)),
        "cachespec",
        diagnostic.Message);

    /// <summary>LSP's DiagnosticSeverity numbers.</summary>
    public static int ToLsp(Analysis.Diagnostics.DiagnosticSeverity severity) => severity switch
    {
        Analysis.Diagnostics.DiagnosticSeverity.Error => 1,
        Analysis.Diagnostics.DiagnosticSeverity.Warning => 2,
        Analysis.Diagnostics.DiagnosticSeverity.Info => 3,
        _ => 4,
    };

    /// <summary>A canonical form of a URI, so the same file named two ways is one document.</summary>
    public static string Normalize(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? new Uri(parsed.LocalPath).AbsoluteUri : uri;

    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    public static string ToUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}

using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Edge;

/// <summary>
/// The engine's editor-terms answers (completion, hover, symbols, folding, inlay hints, navigation) as LSP records.
/// </summary>
internal static partial class ToLsp
{
    public static CompletionList Completions(SourceText text, IEnumerable<CompletionCandidate> candidates) =>
        new(IsIncomplete: false, candidates.Select(candidate => Completion(text, candidate)).ToArray());

    public static CompletionList NoCompletions => new(IsIncomplete: false, Array.Empty<CompletionItem>());

    private static CompletionItem Completion(SourceText text, CompletionCandidate candidate) => new(
        candidate.Label,
        candidate.Category switch
        {
            CompletionCategory.Key => CompletionItemKind.Property,
            CompletionCategory.Reference => CompletionItemKind.Reference,
            CompletionCategory.Snippet => CompletionItemKind.Snippet,
            _ => CompletionItemKind.Value,
        },
        candidate.Detail,
        candidate.Documentation is null ? null : MarkupContent.Markdown(candidate.Documentation),
        candidate.SortText,
        candidate.Category == CompletionCategory.Snippet ? null : candidate.Label,
        candidate.IsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        new TextEdit(Range(text, candidate.ReplaceSpan), candidate.InsertText));

    public static Hover Hover(SourceText text, HoverInfo hover) =>
        new(MarkupContent.Markdown(hover.Markdown), Range(text, hover.Span));

    public static DocumentSymbol[] Symbols(SourceText text, IEnumerable<SpecSymbol> symbols) =>
        symbols.Select(symbol => Symbol(text, symbol)).ToArray();

    private static DocumentSymbol Symbol(SourceText text, SpecSymbol symbol) => new(
        symbol.Name,
        symbol.Detail,
        symbol.Category switch
        {
            SymbolCategory.Network => SymbolKind.Namespace,
            SymbolCategory.Subnet => SymbolKind.Struct,
            SymbolCategory.SecurityGroup => SymbolKind.Interface,
            SymbolCategory.SecurityRule => SymbolKind.Field,
            SymbolCategory.Cache => SymbolKind.Class,
            SymbolCategory.PrivateEndpoint => SymbolKind.Event,
            SymbolCategory.VnetInjection => SymbolKind.Module,
            _ => SymbolKind.Property,
        },
        Range(text, symbol.Span),
        Range(text, symbol.NameSpan),
        symbol.Children.Count == 0 ? null : Symbols(text, symbol.Children));

    public static FoldingRange[] FoldingRanges(IEnumerable<FoldingRegion> regions) =>
        regions.Select(region =>
            new FoldingRange(region.StartLine, region.EndLine, region.IsComment ? "comment" : "region")).ToArray();

    public static Protocol.InlayHint[] InlayHints(SourceText text, IEnumerable<Analysis.Features.InlayHint> hints) =>
        hints.Select(hint =>
            new Protocol.InlayHint(Position(text.GetPosition(hint.Offset)), hint.Label, PaddingLeft: true)).ToArray();

    /// <summary>The same name in one file: the declaration is written there, a reference reads it.</summary>
    public static DocumentHighlight[] Highlights(IEnumerable<Occurrence> occurrences) =>
        occurrences.Select(occurrence => new DocumentHighlight(
                Range(occurrence.File.Text, occurrence.Span),
                occurrence.IsDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
            .ToArray();

    public static Location[] Locations(IEnumerable<Occurrence> occurrences) => occurrences.Select(Location).ToArray();

    private static Location Location(Occurrence occurrence) =>
        new(occurrence.File.Path, Range(occurrence.File.Text, occurrence.Span));

    public static SymbolInformation[] WorkspaceSymbols(IEnumerable<Occurrence> declarations) =>
        declarations.Select(occurrence =>
            new SymbolInformation(occurrence.Name, Kind(occurrence.Kind), Location(occurrence),
                occurrence.Kind.ToString()))
            .ToArray();

    private static SymbolKind Kind(NamedKind kind) => kind switch
    {
        NamedKind.Network => SymbolKind.Namespace,
        NamedKind.Subnet => SymbolKind.Struct,
        NamedKind.SecurityGroup => SymbolKind.Interface,
        NamedKind.Cache => SymbolKind.Class,
        _ => SymbolKind.Event,
    };

    public static PrepareRenameResult PrepareRename(SourceText text, TextSpan span) =>
        new(Range(text, span), text.GetText(span));
}

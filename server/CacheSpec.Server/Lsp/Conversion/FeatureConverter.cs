using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Server.Lsp.Conversion;

/// <summary>Turns the engine's editor-terms answers (completions, symbols, folding) into LSP records.</summary>
public static class FeatureConverter
{
    public static Protocol.CompletionItem ToLsp(SourceText text, CompletionCandidate candidate) => new(
        candidate.Label,
        candidate.Category switch
        {
            CompletionCategory.Key => 10,        // Property
            CompletionCategory.Reference => 18,  // Reference
            CompletionCategory.Snippet => 15,    // Snippet
            _ => 12,                             // Value
        },
        candidate.Detail,
        candidate.Documentation is null ? null : Protocol.MarkupContent.Markdown(candidate.Documentation),
        candidate.SortText,
        candidate.Category == CompletionCategory.Snippet ? null : candidate.Label,
        candidate.IsSnippet ? 2 : 1,
        new Protocol.TextEdit(LspConverter.ToLsp(text, candidate.ReplaceSpan), candidate.InsertText));

    public static Protocol.DocumentSymbol ToLsp(SourceText text, SpecSymbol symbol) => new(
        symbol.Name,
        symbol.Detail,
        symbol.Category switch
        {
            SymbolCategory.Network => 3,          // Namespace
            SymbolCategory.Subnet => 23,          // Struct
            SymbolCategory.SecurityGroup => 11,   // Interface
            SymbolCategory.SecurityRule => 8,     // Field
            SymbolCategory.Cache => 5,            // Class
            SymbolCategory.PrivateEndpoint => 24, // Event
            SymbolCategory.VnetInjection => 2,    // Module
            _ => 7,                               // Property
        },
        LspConverter.ToLsp(text, symbol.Span),
        LspConverter.ToLsp(text, symbol.NameSpan),
        symbol.Children.Count == 0 ? null : symbol.Children.Select(child => ToLsp(text, child)).ToArray());

    public static Protocol.FoldingRange ToLsp(FoldingRegion region) => new(region.StartLine, region.EndLine, region.IsComment ? "comment" : "region");
}

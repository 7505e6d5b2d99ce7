using CacheSpec.Analysis.Features;

namespace CacheSpec.Tests.Reliability;

/// <summary>What the editor features answered about one file: the outline, folding, inlay hints, and the answers at
/// each offset asked.</summary>
public sealed record EditorAnswers(
    IReadOnlyList<SpecSymbol> Symbols,
    IReadOnlyList<FoldingRegion> Folds,
    IReadOnlyList<InlayHint> Hints,
    IReadOnlyDictionary<int, HoverInfo?> Hovers,
    IReadOnlyDictionary<int, IReadOnlyList<CompletionCandidate>> Completions);

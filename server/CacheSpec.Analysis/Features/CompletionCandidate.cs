using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// One completion in editor terms: what to show, what to insert (a snippet when IsSnippet) and over which span, and its
/// documentation.
/// </summary>
public sealed record CompletionCandidate(
    string Label,
    CompletionCategory Category,
    string? Detail,
    string? Documentation,
    string InsertText,
    bool IsSnippet,
    TextSpan ReplaceSpan,
    string SortText);

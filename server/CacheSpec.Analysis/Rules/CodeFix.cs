using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// One quick fix for a diagnostic: what it does in a few words, the text edits that do it (possibly in several files),
/// and whether it is the obvious choice an editor may apply without asking.
/// </summary>
public sealed record CodeFix(string Title, IReadOnlyList<FixEdit> Edits, bool IsPreferred);

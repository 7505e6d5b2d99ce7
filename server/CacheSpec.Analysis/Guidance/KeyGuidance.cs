using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// What docs/guidance/keys.md says about one key ("cache.tier"): a one-sentence meaning, notes, a sentence per enum
/// value, the paragraphs that hold for one profile only, and links to the option documents. All text is Markdown as
/// written.
/// </summary>
public sealed record KeyGuidance(
    string Path,
    string Anchor,
    string Meaning,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<GuidanceProfile, string> ByProfile,
    IReadOnlyList<GuidanceLink> SeeAlso);

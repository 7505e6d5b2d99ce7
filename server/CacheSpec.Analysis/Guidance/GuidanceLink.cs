namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// A link in the guidance: its text and its target relative to docs/guidance ("private-link.md#limitations").
/// </summary>
public sealed record GuidanceLink(string Text, string Target);

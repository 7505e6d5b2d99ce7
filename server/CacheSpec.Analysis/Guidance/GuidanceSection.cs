namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// A heading of a guidance document, with its stable anchor and the Markdown under it (up to the next heading of its
/// level or above).
/// </summary>
public sealed record GuidanceSection(string Document, string Title, string Anchor, int Level, string Body);

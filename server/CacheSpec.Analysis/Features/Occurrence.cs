using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// One place a named thing appears: its declaration or a reference. Span covers only the name's own text, so renaming
/// the network of "hub/redis" edits "hub" and renaming the subnet edits "redis".
/// </summary>
public sealed record Occurrence(NamedKind Kind, string Key, string Name, SpecFile File, TextSpan Span,
    bool IsDeclaration);

using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>A private DNS zone of the model and the networks linked to it (format v1.1).</summary>
public sealed class PrivateDnsZoneModel
{
    public required SpecDocument Document { get; init; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public IReadOnlyList<Located<string>> VirtualNetworkLinks { get; init; } = Array.Empty<Located<string>>();
}

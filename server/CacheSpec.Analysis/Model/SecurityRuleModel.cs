using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class SecurityRuleModel
{
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<int>? Priority { get; init; }
    public Located<TrafficDirection>? Direction { get; init; }
    public Located<RuleAccess>? Access { get; init; }
    public Located<TrafficProtocol>? Protocol { get; init; }
    public Located<string>? Source { get; init; }
    public Located<string>? Destination { get; init; }
    public IReadOnlyList<Located<PortRange>> DestinationPorts { get; init; } = Array.Empty<Located<PortRange>>();

    /// <summary>Complete enough to take part in NSG evaluation.</summary>
    public bool IsEvaluable =>
        Priority is not null && Direction is not null && Access is not null && Protocol is not null
            && Source is not null && Destination is not null;
}

using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// An NSG rule that blocks flows an injected subnet's caches need, with each piece of a flow it blocks.
/// </summary>
internal sealed record BlockingRule(NsgRule Rule, IReadOnlyList<BlockedFlow> Flows);

/// <summary>
/// The piece of a required flow that a rule blocks: its protocol and ports, the far end (as the flow names it) and
/// what the flow is for.
/// </summary>
internal sealed record BlockedFlow(TrafficProtocol Protocol, PortRange Ports, TrafficEndpoint Remote, string Purpose);

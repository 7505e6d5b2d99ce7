namespace CacheSpec.Analysis.Network;

/// <summary>
/// The outcome of evaluating a flow: allowed, or blocked (in whole or in part) by a rule, on some ports and protocol.
/// </summary>
public sealed record FlowVerdict(bool Allowed, NsgRule? DecidingRule, PortRange Ports, TrafficProtocol Protocol);


namespace CacheSpec.Analysis.Network;

/// <summary>A flow a VNet-injected cache needs: direction, protocol, ports, the far end, and what it is for.</summary>
public sealed record RequiredFlow(TrafficDirection Direction, TrafficProtocol Protocol, PortRange Ports,
    TrafficEndpoint Remote, string Purpose);

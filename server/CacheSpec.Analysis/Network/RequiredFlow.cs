using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// A flow a VNet-injected cache needs: direction, protocol, ports, the far end, what it is for, and the row of the
/// profile's NSG table it comes from (null for a flow built by hand).
/// </summary>
public sealed record RequiredFlow(TrafficDirection Direction, TrafficProtocol Protocol, PortRange Ports,
    TrafficEndpoint Remote, string Purpose, NsgTableRow? Row = null);

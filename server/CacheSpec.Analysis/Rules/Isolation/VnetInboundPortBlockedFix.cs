using CacheSpec.Analysis.Rules.Common;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Allow the inbound ranges the blocking NSG rule denies, from the Redis subnet, the virtual network and the load
/// balancer.
/// </summary>
internal sealed class VnetInboundPortBlockedFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) =>
        NsgAllowRules.For(context, TrafficDirection.Inbound);
}

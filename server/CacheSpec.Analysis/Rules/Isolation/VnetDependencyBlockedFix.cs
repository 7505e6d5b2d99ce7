using CacheSpec.Analysis.Rules.Common;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Allow the outbound dependencies the blocking NSG rule denies, with rules evaluated before it.</summary>
internal sealed class VnetDependencyBlockedFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) =>
        NsgAllowRules.For(context, TrafficDirection.Outbound);
}

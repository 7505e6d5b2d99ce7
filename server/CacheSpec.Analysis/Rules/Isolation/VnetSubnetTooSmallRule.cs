using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Sums, over every cache injected into a subnet (from any file), shards x (1 + replicas) + 1 addresses,
/// and compares with the subnet's usable addresses, 2^(32-prefix) - 5.
/// </summary>
public sealed class VnetSubnetTooSmallRule : Rule
{
    public override string Id => "vnet-subnet-too-small";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.InjectedSubnet;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "An injected subnet has fewer usable addresses than its caches need.";
    public override FixProvider Fix { get; } = new VnetSubnetTooSmallFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var subnet in context.InjectedSubnets)
        {
            context.Checkpoint();
            context.Unit = subnet;
            if (subnet.AddressPrefix is not { } prefix)
            {
                continue;
            }
            var caches = context.Model.CachesInjectedInto(subnet);
            var needed = caches.Sum(cache => (long)cache.RequiredSubnetAddresses);
            var usable = prefix.Value.UsableAddresses;
            if (needed <= usable)
            {
                continue;
            }
            var parts = string.Join(", ",
                caches.Select(cache => $"'{cache.DisplayName}' {cache.RequiredSubnetAddresses}"));
            var fits = Cidr.LongestPrefixFor(needed);
            context.Report(subnet.Network.Document, prefix.Node,
                $"Subnet '{subnet.QualifiedName}' ({prefix.Value}) has {usable} usable addresses, but its injected " +
                    $"caches need {needed} ({parts}); use /{fits} or larger.");
        }
    }
}

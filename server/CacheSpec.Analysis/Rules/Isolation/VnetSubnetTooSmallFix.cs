using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Widen the subnet to the longest prefix that holds its caches' addresses, keeping its network address when the wider
/// prefix is aligned there (else the aligned network of the wider prefix). No fix when the wider subnet would leave the
/// network's address space, overlap another subnet of the network, or touch a reserved range.
/// </summary>
internal sealed class VnetSubnetTooSmallFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        var subnet = context.Model.SubnetsWithInjectedCaches.FirstOrDefault(candidate =>
            candidate.Network.Document.File == context.File
            && context.IsOn(candidate.AddressPrefix?.Node));
        if (subnet?.AddressPrefix is not { } prefix)
        {
            yield break;
        }
        var needed = context.Model.CachesInjectedInto(subnet).Sum(cache => (long)cache.RequiredSubnetAddresses);
        var length = Cidr.LongestPrefixFor(needed);
        if (length >= prefix.Value.PrefixLength)
        {
            yield break;
        }
        var mask = length == 0 ? 0 : uint.MaxValue << (32 - length);
        var wider = new Cidr(new Ipv4Address(prefix.Value.Network.Value & mask), length);
        var network = subnet.Network;
        var outside = network.AddressSpace.Count > 0 && !network.ContainsAddresses(wider.Range);
        var overlaps = network.Subnets.Any(other =>
            other != subnet && other.AddressPrefix is { } otherPrefix && otherPrefix.Value.Range.Overlaps(wider.Range));
        if (outside || overlaps || ReservedRanges.FirstOverlap(wider.Range) is not null)
        {
            yield break;
        }
        var file = network.Document.File;
        if (YamlEdits.ReplaceScalar(file, prefix.Node,
            YamlText.StringLike(file.Text, prefix.Node, wider.ToString())) is { } edit)
        {
            yield return new CodeFix($"Widen the subnet to {wider}", new[] { edit }, IsPreferred: true);
        }
    }
}

using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// A public endpoint open to a long allow-list: more than ten firewall rules (PSRule for Azure's FirewallRuleCount), or
/// more public addresses in all than one /24, the office range the guidance itself uses as its example.
/// </summary>
public sealed class FirewallAllowListLargeRule : CacheRule
{
    private const int MaximumRules = 10;
    private const ulong MaximumPublicAddresses = 256;

    public override string Id => "firewall-allow-list-large";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Info);
    public override string Summary =>
        "A cache whose public endpoint may be open has more than 10 firewall rules or admits more than 256 public " +
        "addresses.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (!cache.HasFirewallRules || !cache.PublicAccessMayBeEnabled)
        {
            return;
        }
        var publicAddresses = cache.FirewallRules
            .Select(rule => rule.StartIp is { } start && rule.EndIp is { } end && start.Value <= end.Value
                ? PublicCount(new Ipv4Range(start, end)) : 0)
            .Aggregate(0UL, (sum, count) => sum + count);
        if (cache.FirewallRules.Count > MaximumRules || publicAddresses > MaximumPublicAddresses)
        {
            context.Report(cache.Document, cache.FirewallRulesKey!,
                $"Cache '{cache.DisplayName}' admits {publicAddresses:N0} public addresses through " +
                    $"{cache.FirewallRules.Count} firewall rules; an allow-list that long is hard to keep right, so " +
                    "consider Private Link for the clients you control.");
        }
    }

    /// <summary>The addresses of a range outside the private ranges of RFC 1918.</summary>
    private static ulong PublicCount(Ipv4Range range) =>
        PrivateRanges.Aggregate(range.Count, (count, block) => count - Intersection(range, block));

    /// <summary>10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16.</summary>
    private static Ipv4Range[] PrivateRanges =>
    [
        new(new Ipv4Address(0x0A000000), new Ipv4Address(0x0AFFFFFF)),
        new(new Ipv4Address(0xAC100000), new Ipv4Address(0xAC1FFFFF)),
        new(new Ipv4Address(0xC0A80000), new Ipv4Address(0xC0A8FFFF)),
    ];

    private static ulong Intersection(Ipv4Range a, Ipv4Range b) =>
        a.Overlaps(b) ? (ulong)Math.Min(a.Last.Value, b.Last.Value) - Math.Max(a.First.Value, b.First.Value) + 1 : 0;
}

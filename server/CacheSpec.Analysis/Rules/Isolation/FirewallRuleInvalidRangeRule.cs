using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class FirewallRuleInvalidRangeRule : CacheRule
{
    public override string Id => "firewall-rule-invalid-range";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A firewall rule's startIp or endIp is not an IPv4 address, or start is after end.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        foreach (var rule in cache.FirewallRules)
        {
            var valid = true;
            foreach (var address in new[] { rule.StartIpText, rule.EndIpText })
            {
                if (address is not null && !Ipv4Address.TryParse(address.Value, out _))
                {
                    valid = false;
                    context.Report(cache.Document, address.Node, $"Firewall rule '{rule.Name?.Value}': '{address.Value}' is not an IPv4 address.");
                }
            }
            if (valid && rule.StartIp is { } start && rule.EndIp is { } end && start.Value > end.Value)
            {
                context.Report(cache.Document, rule.EndIpText!.Node, $"Firewall rule '{rule.Name?.Value}' ends at {end} before it starts at {start}.");
            }
        }
    }
}

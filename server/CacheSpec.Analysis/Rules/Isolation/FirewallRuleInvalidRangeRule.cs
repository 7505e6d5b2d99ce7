using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class FirewallRuleInvalidRangeRule : CacheRule
{
    public override string Id => "firewall-rule-invalid-range";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "A firewall rule's startIp or endIp is not an IPv4 address, or start is after end.";
    public override FixProvider Fix { get; } = new FirewallRuleInvalidRangeFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        foreach (var rule in cache.FirewallRules)
        {
            context.Checkpoint();
            // Both ends are checked, so that two bad addresses give two findings.
            var valid = IsAddress(cache, rule, rule.StartIpText, context) & IsAddress(cache, rule, rule.EndIpText,
                context);
            if (valid && rule.StartIp is { } start && rule.EndIp is { } end && start.Value > end.Value)
            {
                context.Report(cache.Document, rule.EndIpText!.Node,
                    $"Firewall rule '{rule.Name?.Value}' ends at {end} before it starts at {start}.");
            }
        }
    }

    private static bool IsAddress(CacheModel cache, FirewallRuleModel rule, Located<string>? address,
        RuleContext context)
    {
        if (address is null || Ipv4Address.TryParse(address.Value, out _))
        {
            return true;
        }
        context.Report(cache.Document, address.Node,
            $"Firewall rule '{rule.Name?.Value}': '{address.Value}' is not an IPv4 address.");
        return false;
    }
}

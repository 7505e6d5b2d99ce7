using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class FirewallRuleAllowsInternetRule : CacheRule
{
    public override string Id => "firewall-rule-allows-internet";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A firewall rule spans 0.0.0.0 - 255.255.255.255, the whole internet.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        foreach (var rule in cache.FirewallRules)
        {
            context.Checkpoint();
            if (rule.StartIp is { Value: 0 } && rule.EndIp is { Value: uint.MaxValue })
            {
                context.Report(cache.Document, (rule.Name?.Node ?? rule.Syntax),
                    $"Firewall rule '{rule.Name?.Value}' of cache '{cache.DisplayName}' allows every address " +
                        "(0.0.0.0 - 255.255.255.255): it filters nothing.");
            }
        }
    }
}

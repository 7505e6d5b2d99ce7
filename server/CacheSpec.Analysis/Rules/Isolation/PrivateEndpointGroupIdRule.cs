using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PrivateEndpointGroupIdRule : CacheRule
{
    public override string Id => "private-endpoint-group-id";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "A private endpoint's groupId is not redisCache (redisEnterprise for Enterprise and Azure Managed Redis " +
        "tiers).";
    public override FixProvider Fix { get; } = new PrivateEndpointGroupIdFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        var expected = cache.Service.GroupId;
        foreach (var endpoint in cache.PrivateEndpoints)
        {
            context.Checkpoint();
            if (endpoint.GroupId is { } groupId && groupId.Value != expected)
            {
                context.Report(cache.Document, groupId.Node,
                    $"Private endpoint '{endpoint.Name?.Value}' has groupId '{groupId.Value}'; a " +
                        $"{cache.Tier?.Value.ToString() ?? "Redis"} cache's endpoint uses '{expected}'.");
            }
        }
    }
}

using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Access keys turned off while Entra ID is not on: no client could authenticate.</summary>
public sealed class AccessKeysWithoutEntraRule : CacheRule
{
    public override string Id => "access-keys-disabled-without-entra";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(null, DiagnosticSeverity.Error);
    public override string Summary =>
        "disableAccessKeyAuthentication: true on a cache without entraAuthentication: true.";
    public override FixProvider Fix { get; } = new AccessKeysWithoutEntraFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.DisableAccessKeyAuthentication is { Value: true } disabled
            && cache.EntraAuthentication is not { Value: true })
        {
            var reason = cache.IsEnterpriseTier
                ? "the Enterprise tiers offer no Microsoft Entra ID authentication"
                : "Microsoft Entra ID authentication is not on (entraAuthentication: true)";
            context.Report(cache.Document, disabled.Node,
                $"Cache '{cache.DisplayName}' turns access keys off, but {reason}, so no client could " +
                    "authenticate.");
        }
    }
}

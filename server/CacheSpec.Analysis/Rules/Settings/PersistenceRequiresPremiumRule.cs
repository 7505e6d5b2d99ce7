using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class PersistenceRequiresPremiumRule : CacheRule
{
    public override string Id => "persistence-requires-premium";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "Persistence other than none on a Basic or Standard cache.";
    public override FixProvider Fix { get; } = new PersistenceRequiresPremiumFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.PersistenceMode is { Value: not PersistenceMode.None } mode
            && cache.Tier is { Value: CacheTier.Basic or CacheTier.Standard } tier)
        {
            context.Report(cache.Document, mode.Node,
                $"Cache '{cache.DisplayName}' is {tier.Value}; data persistence " +
                $"({mode.Value.ToString().ToLowerInvariant()}) needs the Premium tier.");
        }
    }
}

using System.Collections.Frozen;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Structure;

public sealed class InvalidSizeForTierRule : CacheRule
{
    public override string Id => "invalid-size-for-tier";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "The size does not belong to the tier's family (C for Basic and Standard, P for Premium, E and F for " +
        "Enterprise tiers, B, M, X and A for the Azure Managed Redis tiers).";
    public override FixProvider Fix { get; } = new InvalidSizeForTierFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.Tier is not { } tier || cache.Size is not { } size)
        {
            return;
        }
        var sizes = SizesFor(tier.Value);
        if (!sizes.Contains(size.Value) && AllSizes.Contains(size.Value))
        {
            context.Report(cache.Document, size.Node,
                $"Size '{size.Value}' does not belong to the {tier.Value} tier; {tier.Value} sizes are " +
                    $"{string.Join(", ", sizes)}.");
        }
    }

    public static IReadOnlyList<string> SizesFor(CacheTier tier) => AzureFacts.Catalog.SizesOfTier(tier.ToString());

    private static readonly FrozenSet<string> AllSizes = AzureFacts.Catalog.Sizes.Select(size => size.Name)
        .ToFrozenSet(StringComparer.Ordinal);
}

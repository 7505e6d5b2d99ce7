namespace CacheSpec.Analysis.Rules;

/// <summary>The three groups of the rule catalog.</summary>
public enum RuleCategory
{
    Structure,
    Isolation,
    Settings,
}

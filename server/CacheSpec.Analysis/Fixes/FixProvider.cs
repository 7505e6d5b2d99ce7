namespace CacheSpec.Analysis.Fixes;

/// <summary>The quick fixes of one rule. Each rule with fixes has one provider, in its own file, listed once in <see cref="FixCatalog"/>.</summary>
public abstract class FixProvider
{
    /// <summary>The rule whose diagnostics this provider fixes.</summary>
    public abstract string RuleId { get; }

    /// <summary>
    /// The fixes for the context's diagnostic; none when no fix is obvious or the text cannot be edited safely.
    /// Providers find the diagnostic's node by its span and recompute what to write from the model and the format.
    /// </summary>
    public abstract IEnumerable<CodeFix> Provide(FixContext context);
}

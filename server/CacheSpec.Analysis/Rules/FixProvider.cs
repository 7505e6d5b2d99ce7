namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The quick fixes of one rule: each rule with fixes has one provider, in its own file beside the rule, which names it
/// (<see cref="Rule.Fix"/>).
/// </summary>
public abstract class FixProvider
{
    /// <summary>
    /// The fixes for the context's diagnostic; none when no fix is obvious or the text cannot be edited safely.
    /// Providers find the diagnostic's node by its span and recompute what to write from the model and the format.
    /// </summary>
    public abstract IEnumerable<CodeFix> Provide(FixContext context);
}

using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// One check of the catalog: a fixed kebab-case id, a severity per guidance profile, a one-line summary and
/// a documentation page docs/rules/&lt;id&gt;.md. Each rule lives in its own file.
/// </summary>
public abstract class Rule
{
    public abstract string Id { get; }

    public abstract RuleCategory Category { get; }

    /// <summary>What the rule reads to reach its findings (see <see cref="RuleInputs"/>).</summary>
    public abstract RuleInputs Reads { get; }

    public abstract Severities Severities { get; }

    /// <summary>When the rule fires, in one line (SARIF's short description).</summary>
    public abstract string Summary { get; }

    /// <summary>
    /// True for a rule that reads the findings of the rules before it (it then runs after all of them, alone); the
    /// others are independent of each other and may run at the same time.
    /// </summary>
    public virtual bool ReadsEarlierFindings => false;

    /// <summary>The rule's quick fixes, beside it in its folder; null for a rule with no obvious fix.</summary>
    public virtual FixProvider? Fix => null;

    /// <summary>Reports the rule's findings on the whole workspace through the context.</summary>
    public abstract void Analyze(RuleContext context);
}

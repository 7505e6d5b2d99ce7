namespace CacheSpec.Analysis.Rules;

/// <summary>
/// What a rule reads to reach its findings, from the narrowest to the widest. An edit need only re-run a rule where
/// what it reads changed: an <see cref="Item"/> rule for the items the edit touched, a <see cref="Model"/> rule for the
/// names the edit touched. Every finding of a rule lies in what it reads (a cache's finding in that cache).
/// <c>RuleInputsTests</c> holds the declarations true.
/// </summary>
public enum RuleInputs
{
    /// <summary>One file's text: its syntax errors, its suppression comments, the limits met reading it.</summary>
    Text,

    /// <summary>One document's keys and values against the format.</summary>
    Document,

    /// <summary>
    /// One top-level item (a network, an NSG or a cache) alone, with its document's profile and configuration.
    /// </summary>
    Item,

    /// <summary>
    /// One item and the items its references name: a cache's subnets with their networks and NSGs, its linked cache.
    /// </summary>
    ItemAndReferences,

    /// <summary>
    /// One subnet that caches are injected into: its network, its NSG, the subnets its NSG names, the caches and their
    /// geo-replicas.
    /// </summary>
    InjectedSubnet,

    /// <summary>Names across every file of the model (duplicates, references that name nothing).</summary>
    Model,

    /// <summary>The findings of the other rules (it runs after them).</summary>
    Findings,
}

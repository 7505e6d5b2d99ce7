using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// An NSG rule that blocks flows an injected subnet's caches need, with a description of each flow it blocks.
/// </summary>
internal sealed record BlockingRule(NsgRule Rule, IReadOnlyList<string> Flows);

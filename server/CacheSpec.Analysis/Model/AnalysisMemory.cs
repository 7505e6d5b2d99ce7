using System.Collections.Concurrent;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// What one analysis keeps for the next (an NSG's evaluator, "did you mean" hints), owned by the
/// <see cref="AnalysisHost"/> whose models carry it, so that nothing is shared between two workspaces, the command line
/// and the tests. Each part is created on first use and is safe to share between the threads of one analysis; every
/// part gives, by construction, the answer a fresh computation gives.
/// </summary>
internal sealed class AnalysisMemory
{
    private readonly ConcurrentDictionary<Type, object> parts = new();

    public T Get<T>() where T : class, new() => (T)parts.GetOrAdd(typeof(T), static _ => new T());
}

using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>
/// For each key, the units whose findings depend on it, and for each unit its keys: what an edit's changed keys reach.
/// Built from one model and kept in step with the models after it by the incremental analysis, under its lock.
/// </summary>
internal sealed class DependencyIndex
{
    private readonly Dictionary<DependencyKey, HashSet<object>> dependents = new();
    private readonly Dictionary<object, DependencyKey[]> keysOf = new(ReferenceEqualityComparer.Instance);

    public static DependencyIndex Build(WorkspaceModel model)
    {
        var index = new DependencyIndex();
        foreach (var file in model.Files)
        {
            index.AddFile(file, model);
        }
        return index;
    }

    public void AddFile(SpecFile file, WorkspaceModel model)
    {
        foreach (var unit in ItemDependencies.UnitsOf(file))
        {
            Set(unit, model);
        }
    }

    public void RemoveFile(SpecFile file)
    {
        foreach (var unit in ItemDependencies.UnitsOf(file))
        {
            Remove(unit);
        }
    }

    /// <summary>Computes an unit's keys again in a model (after an edit that reached it).</summary>
    public void Set(object unit, WorkspaceModel model)
    {
        Remove(unit);
        var keys = ItemDependencies.Of(unit, model).ToArray();
        keysOf[unit] = keys;
        foreach (var key in keys)
        {
            if (!dependents.TryGetValue(key, out var units))
            {
                dependents[key] = units = new HashSet<object>(ReferenceEqualityComparer.Instance);
            }
            units.Add(unit);
        }
    }

    private void Remove(object unit)
    {
        if (!keysOf.Remove(unit, out var keys))
        {
            return;
        }
        foreach (var key in keys)
        {
            if (dependents.TryGetValue(key, out var units))
            {
                units.Remove(unit);
                if (units.Count == 0)
                {
                    dependents.Remove(key);
                }
            }
        }
    }

    /// <summary>The units that depend on any of the keys.</summary>
    public HashSet<object> DependentsOf(IEnumerable<DependencyKey> keys)
    {
        var found = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var key in keys)
        {
            if (dependents.TryGetValue(key, out var units))
            {
                found.UnionWith(units);
            }
        }
        return found;
    }
}

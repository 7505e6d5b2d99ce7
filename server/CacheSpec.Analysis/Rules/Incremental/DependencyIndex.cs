using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>
/// For each key, the items whose findings depend on it, and for each item its keys: what an edit's changed keys reach.
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

    public int ItemCount => keysOf.Count;

    public void AddFile(SpecFile file, WorkspaceModel model)
    {
        foreach (var item in ItemDependencies.ItemsOf(file))
        {
            Set(item, model);
        }
    }

    public void RemoveFile(SpecFile file)
    {
        foreach (var item in ItemDependencies.ItemsOf(file))
        {
            Remove(item);
        }
    }

    /// <summary>Computes an item's keys again in a model (after an edit that reached it).</summary>
    public void Set(object item, WorkspaceModel model)
    {
        Remove(item);
        var keys = ItemDependencies.Of(item, model).ToArray();
        keysOf[item] = keys;
        foreach (var key in keys)
        {
            if (!dependents.TryGetValue(key, out var items))
            {
                dependents[key] = items = new HashSet<object>(ReferenceEqualityComparer.Instance);
            }
            items.Add(item);
        }
    }

    private void Remove(object item)
    {
        if (!keysOf.Remove(item, out var keys))
        {
            return;
        }
        foreach (var key in keys)
        {
            if (dependents.TryGetValue(key, out var items))
            {
                items.Remove(item);
                if (items.Count == 0)
                {
                    dependents.Remove(key);
                }
            }
        }
    }

    /// <summary>The items that depend on any of the keys.</summary>
    public HashSet<object> DependentsOf(IEnumerable<DependencyKey> keys)
    {
        var found = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var key in keys)
        {
            if (dependents.TryGetValue(key, out var items))
            {
                found.UnionWith(items);
            }
        }
        return found;
    }
}

namespace CacheSpec.Analysis.Model;

/// <summary>
/// A model built from the one before it: when only files that declare caches (no network, no NSG) changed, the
/// networks, subnets and NSGs stay the very same, and the name tables are copied and mended where the changed files
/// declare or inject, so a keystroke does not hash every name of the workspace again.
/// </summary>
public sealed partial class WorkspaceModel
{
    /// <summary>Above this many changed files, the model is built afresh.</summary>
    private const int MendLimit = 16;

    /// <summary>The model of the files, mended from the previous model of the same memory when that is safe.</summary>
    internal static WorkspaceModel Create(IReadOnlyList<SpecFile> files, AnalysisMemory memory,
        WorkspaceModel? previous)
    {
        if (previous is null || previous.Memory != memory
            || FileChanges.Between(previous.Files, files) is not { Count: <= MendLimit } changes
            || !changes.TrueForAll(change => DeclaresOnlyCaches(change.Before) && DeclaresOnlyCaches(change.After)))
        {
            return new WorkspaceModel(files, memory);
        }
        return new WorkspaceModel(previous, files, changes);
    }

    private static bool DeclaresOnlyCaches(SpecFile? file) =>
        file is null || file.Documents.All(document =>
            document.Networks.Count == 0 && document.NetworkSecurityGroups.Count == 0);

    private WorkspaceModel(WorkspaceModel previous, IReadOnlyList<SpecFile> files,
        List<(SpecFile? Before, SpecFile? After)> changes)
    {
        Memory = previous.Memory;
        Files = files;
        Documents = files.SelectMany(file => file.Documents).ToArray();
        Networks = previous.Networks;
        Subnets = previous.Subnets;
        NetworkSecurityGroups = previous.NetworkSecurityGroups;
        Caches = Gather(Documents, document => document.Caches);
        networks = previous.networks;
        subnets = previous.subnets;
        nsgs = previous.nsgs;
        subnetsByNsg = previous.subnetsByNsg;
        caches = new(previous.caches, StringComparer.Ordinal);
        endpoints = new(previous.endpoints, StringComparer.Ordinal);
        injectedCaches = new(previous.injectedCaches);
        endpointsBySubnet = new(previous.endpointsBySubnet);
        var lost = new HashSet<string>(StringComparer.Ordinal);
        var lostEndpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (before, after) in changes)
        {
            foreach (var cache in CachesOf(before))
            {
                Forget(caches, cache.Name, before!, lost, item => item.Document.File);
                foreach (var endpoint in cache.PrivateEndpoints)
                {
                    Forget(endpoints, endpoint.Name, before!, lostEndpoints, item => item.Cache.Document.File);
                }
            }
            foreach (var cache in CachesOf(after))
            {
                Declare(caches, cache.Name, cache, after!, item => item.Document.File);
                foreach (var endpoint in cache.PrivateEndpoints)
                {
                    Declare(endpoints, endpoint.Name, endpoint, after!, item => item.Cache.Document.File);
                }
            }
        }
        // A name whose first declaration left: a later one, if any, is the first now.
        foreach (var name in lost.Where(name => !caches.ContainsKey(name)))
        {
            if (Caches.FirstOrDefault(cache => cache.Name?.Value == name) is { } first)
            {
                caches[name] = first;
            }
        }
        foreach (var name in lostEndpoints.Where(name => !endpoints.ContainsKey(name)))
        {
            if (Caches.SelectMany(cache => cache.PrivateEndpoints)
                .FirstOrDefault(endpoint => endpoint.Name?.Value == name) is { } first)
            {
                endpoints[name] = first;
            }
        }
        MendSubnetLists(changes);
    }

    private static IEnumerable<CacheModel> CachesOf(SpecFile? file) =>
        file?.Documents.SelectMany(document => document.Caches) ?? [];

    /// <summary>Forgets a name of a changed file's old text where that file held its first declaration.</summary>
    private static void Forget<T>(Dictionary<string, T> table, Located<string>? name, SpecFile file,
        HashSet<string> lost, Func<T, SpecFile> fileOf) where T : class
    {
        if (name is not null && table.TryGetValue(name.Value, out var first) && fileOf(first) == file)
        {
            table.Remove(name.Value);
            lost.Add(name.Value);
        }
    }

    /// <summary>Declares a name of a changed file: it is the first unless a file earlier by path declares it
    /// too.</summary>
    private static void Declare<T>(Dictionary<string, T> table, Located<string>? name, T item, SpecFile file,
        Func<T, SpecFile> fileOf) where T : class
    {
        if (name is null)
        {
            return;
        }
        if (!table.TryGetValue(name.Value, out var first)
            || string.CompareOrdinal(fileOf(first).Path, file.Path) > 0)
        {
            table[name.Value] = item;
        }
    }

    /// <summary>
    /// Gathers again, for each subnet a changed file injects a cache into or places an endpoint in, before or after
    /// the change, the caches and endpoints it holds, in model order.
    /// </summary>
    private void MendSubnetLists(List<(SpecFile? Before, SpecFile? After)> changes)
    {
        var touched = new HashSet<SubnetModel>();
        foreach (var cache in changes.SelectMany(change => CachesOf(change.Before).Concat(CachesOf(change.After))))
        {
            if (cache.VnetInjection?.Subnet is { } injected && FindSubnet(injected.Value) is { } subnet)
            {
                touched.Add(subnet);
            }
            foreach (var endpoint in cache.PrivateEndpoints)
            {
                if (endpoint.Subnet is { } reference && FindSubnet(reference.Value) is { } endpointSubnet)
                {
                    touched.Add(endpointSubnet);
                }
            }
        }
        if (touched.Count == 0)
        {
            return;
        }
        var changedFiles = changes.Select(change => change.Before).OfType<SpecFile>().ToHashSet();
        var added = changes.Select(change => change.After).OfType<SpecFile>().ToArray();
        foreach (var subnet in touched)
        {
            Store(injectedCaches, subnet, Kept(injectedCaches, subnet, changedFiles, cache => cache.Document.File),
                added.SelectMany(CachesOf).Where(cache =>
                    cache.VnetInjection?.Subnet is { } reference && FindSubnet(reference.Value) == subnet),
                cache => cache.Document.File.Path);
            Store(endpointsBySubnet, subnet,
                Kept(endpointsBySubnet, subnet, changedFiles, endpoint => endpoint.Cache.Document.File),
                added.SelectMany(CachesOf).SelectMany(cache => cache.PrivateEndpoints).Where(endpoint =>
                    endpoint.Subnet is { } reference && FindSubnet(reference.Value) == subnet),
                endpoint => endpoint.Cache.Document.File.Path);
        }
    }

    private static IEnumerable<T> Kept<T>(Dictionary<SubnetModel, List<T>> table, SubnetModel subnet,
        HashSet<SpecFile> changedFiles, Func<T, SpecFile> fileOf) =>
        table.TryGetValue(subnet, out var list) ? list.Where(item => !changedFiles.Contains(fileOf(item))) : [];

    /// <summary>
    /// Stores a subnet's list, the kept items and the added ones (each in path order) merged by path, or no list when
    /// it is empty.
    /// </summary>
    private static void Store<T>(Dictionary<SubnetModel, List<T>> table, SubnetModel subnet, IEnumerable<T> kept,
        IEnumerable<T> added, Func<T, string> pathOf)
    {
        var list = new List<T>();
        using var next = added.GetEnumerator();
        var pending = next.MoveNext();
        foreach (var item in kept)
        {
            while (pending && string.CompareOrdinal(pathOf(next.Current), pathOf(item)) < 0)
            {
                list.Add(next.Current);
                pending = next.MoveNext();
            }
            list.Add(item);
        }
        while (pending)
        {
            list.Add(next.Current);
            pending = next.MoveNext();
        }
        if (list.Count == 0)
        {
            table.Remove(subnet);
        }
        else
        {
            table[subnet] = list;
        }
    }
}

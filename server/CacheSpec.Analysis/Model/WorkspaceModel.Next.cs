namespace CacheSpec.Analysis.Model;

/// <summary>
/// A model built from the one before it: when only files that declare caches (no network, no NSG, no private DNS
/// zones) changed, the
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
            document.Networks.Count == 0 && document.NetworkSecurityGroups.Count == 0
            && document.PrivateDnsZonesKey is null);

    private WorkspaceModel(WorkspaceModel previous, IReadOnlyList<SpecFile> files,
        List<(SpecFile? Before, SpecFile? After)> changes)
    {
        Memory = previous.Memory;
        Files = files;
        Networks = previous.Networks;
        Subnets = previous.Subnets;
        NetworkSecurityGroups = previous.NetworkSecurityGroups;
        networks = previous.networks;
        subnets = previous.subnets;
        nsgs = previous.nsgs;
        PrivateDnsZones = previous.PrivateDnsZones;
        privateDnsZones = previous.privateDnsZones;
        DeclaresPrivateDnsZones = previous.DeclaresPrivateDnsZones;
        subnetsByNsg = previous.subnetsByNsg;
        var cacheEdits = new LayeredTable<string, CacheModel>.Edits(previous.caches);
        var endpointEdits = new LayeredTable<string, PrivateEndpointModel>.Edits(previous.endpoints);
        var lost = new HashSet<string>(StringComparer.Ordinal);
        var lostEndpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (before, after) in changes)
        {
            foreach (var cache in CachesOf(before))
            {
                Forget(cacheEdits, cache.Name, before!, lost, item => item.Document.File);
                foreach (var endpoint in cache.PrivateEndpoints)
                {
                    Forget(endpointEdits, endpoint.Name, before!, lostEndpoints, item => item.Cache.Document.File);
                }
            }
            foreach (var cache in CachesOf(after))
            {
                Declare(cacheEdits, cache.Name, cache, after!, item => item.Document.File);
                foreach (var endpoint in cache.PrivateEndpoints)
                {
                    Declare(endpointEdits, endpoint.Name, endpoint, after!, item => item.Cache.Document.File);
                }
            }
        }
        // A name whose first declaration left: a later one, if any, is the first now.
        foreach (var name in lost.Where(name => cacheEdits[name] is null))
        {
            cacheEdits[name] = Caches.FirstOrDefault(cache => cache.Name?.Value == name);
        }
        foreach (var name in lostEndpoints.Where(name => endpointEdits[name] is null))
        {
            endpointEdits[name] = Caches.SelectMany(cache => cache.PrivateEndpoints)
                .FirstOrDefault(endpoint => endpoint.Name?.Value == name);
        }
        caches = cacheEdits.Apply();
        endpoints = endpointEdits.Apply();
        (injectedCaches, endpointsBySubnet) = MendSubnetLists(previous, changes);
    }

    private static IEnumerable<CacheModel> CachesOf(SpecFile? file) =>
        file?.Documents.SelectMany(document => document.Caches) ?? [];

    /// <summary>Forgets a name of a changed file's old text where that file held its first declaration.</summary>
    private static void Forget<T>(LayeredTable<string, T>.Edits table, Located<string>? name, SpecFile file,
        HashSet<string> lost, Func<T, SpecFile> fileOf) where T : class
    {
        if (name is not null && table[name.Value] is { } first && fileOf(first) == file)
        {
            table[name.Value] = null;
            lost.Add(name.Value);
        }
    }

    /// <summary>
    /// Declares a name of a changed file: it is the first unless a file earlier by path declares it too.
    /// </summary>
    private static void Declare<T>(LayeredTable<string, T>.Edits table, Located<string>? name, T item, SpecFile file,
        Func<T, SpecFile> fileOf) where T : class
    {
        if (name is not null
            && (table[name.Value] is not { } first || string.CompareOrdinal(fileOf(first).Path, file.Path) > 0))
        {
            table[name.Value] = item;
        }
    }

    /// <summary>
    /// Gathers again, for each subnet a changed file injects a cache into or places an endpoint in, before or after
    /// the change, the caches and endpoints it holds, in model order.
    /// </summary>
    private (LayeredTable<SubnetModel, List<CacheModel>>, LayeredTable<SubnetModel, List<PrivateEndpointModel>>)
        MendSubnetLists(WorkspaceModel previous, List<(SpecFile? Before, SpecFile? After)> changes)
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
        var injectedEdits = new LayeredTable<SubnetModel, List<CacheModel>>.Edits(previous.injectedCaches);
        var placedEdits = new LayeredTable<SubnetModel, List<PrivateEndpointModel>>.Edits(previous.endpointsBySubnet);
        var changedFiles = changes.Select(change => change.Before).OfType<SpecFile>().ToHashSet();
        var added = changes.Select(change => change.After).OfType<SpecFile>().ToArray();
        foreach (var subnet in touched)
        {
            injectedEdits[subnet] = Merged(
                (injectedEdits[subnet] ?? []).Where(cache => !changedFiles.Contains(cache.Document.File)),
                added.SelectMany(CachesOf).Where(cache =>
                    cache.VnetInjection?.Subnet is { } reference && FindSubnet(reference.Value) == subnet),
                cache => cache.Document.File.Path);
            placedEdits[subnet] = Merged(
                (placedEdits[subnet] ?? []).Where(endpoint => !changedFiles.Contains(endpoint.Cache.Document.File)),
                added.SelectMany(CachesOf).SelectMany(cache => cache.PrivateEndpoints).Where(endpoint =>
                    endpoint.Subnet is { } reference && FindSubnet(reference.Value) == subnet),
                endpoint => endpoint.Cache.Document.File.Path);
        }
        return (injectedEdits.Apply(), placedEdits.Apply());
    }

    /// <summary>
    /// The kept items and the added ones (each in path order) merged by path; null when there are none.
    /// </summary>
    private static List<T>? Merged<T>(IEnumerable<T> kept, IEnumerable<T> added, Func<T, string> pathOf)
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
        return list.Count == 0 ? null : list;
    }
}

namespace CacheSpec.Analysis.Model;

/// <summary>
/// All spec files given together, as one model: names are looked up across every file and document,
/// so a cache in one file may use a subnet declared in another. The first declaration of a name wins;
/// later ones are reported as duplicates.
/// </summary>
public sealed partial class WorkspaceModel
{
    private readonly Dictionary<string, NetworkModel> networks;
    private readonly Dictionary<string, SubnetModel> subnets;
    private readonly Dictionary<string, NsgModel> nsgs;
    private readonly Dictionary<string, PrivateDnsZoneModel> privateDnsZones;
    private readonly LayeredTable<string, CacheModel> caches;
    private readonly LayeredTable<string, PrivateEndpointModel> endpoints;
    private readonly LayeredTable<SubnetModel, List<CacheModel>> injectedCaches;
    private readonly LayeredTable<SubnetModel, List<PrivateEndpointModel>> endpointsBySubnet;
    private System.Collections.Concurrent.ConcurrentDictionary<(string Kind, object Item), object>? derived;

    /// <summary>A model with a memory of its own: nothing it computes is kept for another.</summary>
    public WorkspaceModel(IReadOnlyList<SpecFile> files) : this(files, new AnalysisMemory())
    {
    }

    /// <summary>A model of an <see cref="AnalysisHost"/>, whose memory its analysis reads and fills.</summary>
    internal WorkspaceModel(IReadOnlyList<SpecFile> files, AnalysisMemory memory)
    {
        Memory = memory;
        Files = files;
        networks = new(StringComparer.Ordinal);
        subnets = new(StringComparer.Ordinal);
        nsgs = new(StringComparer.Ordinal);
        privateDnsZones = new(StringComparer.Ordinal);
        var cachesByName = new Dictionary<string, CacheModel>(StringComparer.Ordinal);
        var endpointsByName = new Dictionary<string, PrivateEndpointModel>(StringComparer.Ordinal);
        var injected = new Dictionary<SubnetModel, List<CacheModel>>();
        var placed = new Dictionary<SubnetModel, List<PrivateEndpointModel>>();
        documents = files.SelectMany(file => file.Documents).ToArray();
        // Read by nearly every rule on every analysis: gathered once, not chained through the documents at each
        // enumeration.
        Networks = Gather(Documents, document => document.Networks);
        Subnets = Gather(Networks, network => network.Subnets);
        NetworkSecurityGroups = Gather(Documents, document => document.NetworkSecurityGroups);
        cacheList = Gather(Documents, document => document.Caches);
        PrivateDnsZones = Gather(Documents, document => document.PrivateDnsZones);
        DeclaresPrivateDnsZones = Documents.Any(document => document.PrivateDnsZonesKey is not null);
        foreach (var zone in PrivateDnsZones)
        {
            if (zone.Name is { } zoneName)
            {
                privateDnsZones.TryAdd(zoneName.Value, zone);
            }
        }
        foreach (var document in Documents)
        {
            foreach (var network in document.Networks)
            {
                if (network.Name is { } name)
                {
                    networks.TryAdd(name.Value, network);
                }
                foreach (var subnet in network.Subnets)
                {
                    if (subnet.QualifiedName is { } qualified)
                    {
                        subnets.TryAdd(qualified, subnet);
                    }
                }
            }
            foreach (var nsg in document.NetworkSecurityGroups)
            {
                if (nsg.Name is { } name)
                {
                    nsgs.TryAdd(name.Value, nsg);
                }
            }
            foreach (var cache in document.Caches)
            {
                if (cache.Name is { } name)
                {
                    cachesByName.TryAdd(name.Value, cache);
                }
            }
        }
        foreach (var cache in Caches)
        {
            if (cache.VnetInjection?.Subnet is { } injection && FindSubnet(injection.Value) is { } subnet)
            {
                Add(injected, subnet, cache);
            }
            foreach (var endpoint in cache.PrivateEndpoints)
            {
                if (endpoint.Name is { } endpointName)
                {
                    endpointsByName.TryAdd(endpointName.Value, endpoint);
                }
                if (endpoint.Subnet is { } reference && FindSubnet(reference.Value) is { } endpointSubnet)
                {
                    Add(placed, endpointSubnet, endpoint);
                }
            }
        }
        caches = new(cachesByName);
        endpoints = new(endpointsByName);
        injectedCaches = new(injected);
        endpointsBySubnet = new(placed);
    }

    public IReadOnlyList<SpecFile> Files { get; }

    /// <summary>What the analyses of the host that built this model keep from one to the next.</summary>
    internal AnalysisMemory Memory { get; }

    /// <summary>Every document, in file order (gathered when first asked, in a model mended from another).</summary>
    public IReadOnlyList<SpecDocument> Documents => documents ??= Files.SelectMany(file => file.Documents).ToArray();

    private IReadOnlyList<SpecDocument>? documents;

    /// <summary>Every network, in document order (as every list below).</summary>
    public IReadOnlyList<NetworkModel> Networks { get; }

    public IReadOnlyList<SubnetModel> Subnets { get; }

    public IReadOnlyList<NsgModel> NetworkSecurityGroups { get; }

    public IReadOnlyList<CacheModel> Caches => cacheList ??= Gather(Documents, document => document.Caches);

    private IReadOnlyList<CacheModel>? cacheList;

    /// <summary>The items of every owner, in order; one owner's own list when there is one owner.</summary>
    private static IReadOnlyList<TItem> Gather<TOwner, TItem>(IReadOnlyList<TOwner> owners,
        Func<TOwner, IReadOnlyList<TItem>> itemsOf) =>
        owners.Count == 1 ? itemsOf(owners[0]) : owners.SelectMany(itemsOf).ToArray();

    public NetworkModel? FindNetwork(string name) => networks.GetValueOrDefault(name);

    /// <summary>Every private DNS zone (v1.1), in document order.</summary>
    public IReadOnlyList<PrivateDnsZoneModel> PrivateDnsZones { get; }

    /// <summary>
    /// True when some document has the key privateDnsZones (v1.1), even empty: the model's zones are then the
    /// declared ones. Without it no DNS check runs, as in v1.
    /// </summary>
    public bool DeclaresPrivateDnsZones { get; }

    /// <summary>The first private DNS zone of the model with this name (v1.1).</summary>
    public PrivateDnsZoneModel? FindPrivateDnsZone(string name) => privateDnsZones.GetValueOrDefault(name);

    /// <summary>Finds a subnet by its "network/subnet" reference.</summary>
    public SubnetModel? FindSubnet(string reference) => subnets.GetValueOrDefault(reference);

    public NsgModel? FindNsg(string name) => nsgs.GetValueOrDefault(name);

    public CacheModel? FindCache(string name) => caches.GetValueOrDefault(name);

    /// <summary>The first private endpoint of the model with this name.</summary>
    public PrivateEndpointModel? FindPrivateEndpoint(string name) => endpoints.GetValueOrDefault(name);

    /// <summary>
    /// The subnets whose "networkSecurityGroup" names an NSG, from every file (built when first asked).
    /// </summary>
    public IReadOnlyList<SubnetModel> SubnetsNaming(string nsgName) =>
        LazyInitializer.EnsureInitialized(ref subnetsByNsg, () => Subnets
            .Where(subnet => subnet.NetworkSecurityGroup is not null)
            .ToLookup(subnet => subnet.NetworkSecurityGroup!.Value, StringComparer.Ordinal))[nsgName].ToArray();

    private ILookup<string, SubnetModel>? subnetsByNsg;

    /// <summary>
    /// True when a name appears, as a whole word, in a part of some file that the parser could not read (after a syntax
    /// error): its declaration may stand there, so a reference to it is not reported as naming nothing until the error
    /// is fixed.
    /// </summary>
    public bool MayBeDeclaredInUnreadText(string name)
    {
        foreach (var file in Files)
        {
            foreach (var unread in file.Syntax.Unread)
            {
                if (UnreadText.ContainsWord(file.Text.Text, unread, name))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The caches injected into a subnet, from every file.</summary>
    public IReadOnlyList<CacheModel> CachesInjectedInto(SubnetModel subnet) =>
        injectedCaches.TryGetValue(subnet, out var list) ? list : Array.Empty<CacheModel>();

    /// <summary>The private endpoints placed in a subnet, from every file.</summary>
    public IReadOnlyList<PrivateEndpointModel> PrivateEndpointsIn(SubnetModel subnet) =>
        endpointsBySubnet.TryGetValue(subnet, out var list) ? list : Array.Empty<PrivateEndpointModel>();

    public IEnumerable<SubnetModel> SubnetsWithInjectedCaches => injectedCaches.Entries.Select(pair => pair.Key);

    private static void Add<T>(Dictionary<SubnetModel, List<T>> index, SubnetModel subnet, T item)
    {
        if (!index.TryGetValue(subnet, out var list))
        {
            index[subnet] = list = new List<T>();
        }
        list.Add(item);
    }

    /// <summary>
    /// A value computed once per model from one of its items and shared by every rule that needs it (the two NSG rules
    /// evaluate the same NSG for the same subnet). Rules may run on several threads; two may compute the same value at
    /// once, and one result is kept.
    /// </summary>
    internal T Derived<T>(string kind, object item, Func<T> create) where T : class =>
        (T)LazyInitializer.EnsureInitialized(ref derived)
            .GetOrAdd((kind, item), static (_, create) => create(), create);
}

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>What an item's findings can depend on outside the item itself.</summary>
internal enum DependencyKind
{
    /// <summary>The declarations of a network name (the first wins, later ones are duplicates).</summary>
    Network,

    /// <summary>The declarations of a subnet, by its "network/subnet" name (its network's item).</summary>
    Subnet,

    Nsg,
    Cache,
    PrivateEndpoint,

    /// <summary>The declarations of a private DNS zone name (v1.1).</summary>
    PrivateDnsZone,

    /// <summary>The caches injected into a subnet, by its "network/subnet" name.</summary>
    InjectedInto,

    /// <summary>The private endpoints placed in a subnet, by its "network/subnet" name.</summary>
    EndpointsIn,

    /// <summary>Every declared name of one kind (the "did you mean" hints of a reference that names nothing).</summary>
    NamesOf,

    /// <summary>The text of every file that a syntax error left unread (where a missing name may stand).</summary>
    UnreadText,
}

/// <summary>One thing an item's findings can depend on: a kind and a name.</summary>
internal readonly record struct DependencyKey(DependencyKind Kind, string Name);

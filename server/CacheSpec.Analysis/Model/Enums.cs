namespace CacheSpec.Analysis.Model;

public enum CacheTier
{
    Basic, Standard, Premium, Enterprise, EnterpriseFlash,

    // Azure Managed Redis (format v1.1).
    Balanced, MemoryOptimized, ComputeOptimized, FlashOptimized,
}

public enum NetworkAccess { Enabled, Disabled }

public enum PersistenceMode { None, Rdb, Aof }

public enum GeoRole { Primary, Secondary }

/// <summary>An Azure virtual network, or an on-premises network reached through a gateway (format v1.1).</summary>
public enum NetworkKind { Azure, OnPremises }

/// <summary>How an Azure Managed Redis or Enterprise cache is clustered (format v1.1).</summary>
public enum ClusteringPolicy { OssCluster, EnterpriseCluster, NoCluster }

/// <summary>Whether anything on the internet may connect to a cache, as its requirements state (format v1.1).</summary>
public enum InternetAccess { None, AllowList, Open }

namespace CacheSpec.Analysis.Model;

public enum GuidanceProfile
{
    /// <summary>The rules as the October 2020 guidance states them.</summary>
    V2020_10,

    /// <summary>The rules as the guidance stands now (the default).</summary>
    Current,
}

public enum CacheTier { Basic, Standard, Premium, Enterprise, EnterpriseFlash }

public enum NetworkAccess { Enabled, Disabled }

public enum PersistenceMode { None, Rdb, Aof }

public enum TrafficDirection { Inbound, Outbound }

public enum RuleAccess { Allow, Deny }

public enum TrafficProtocol { Tcp, Udp, Icmp, Any }

public enum GeoRole { Primary, Secondary }

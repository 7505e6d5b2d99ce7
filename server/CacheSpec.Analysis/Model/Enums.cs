namespace CacheSpec.Analysis.Model;

public enum CacheTier { Basic, Standard, Premium, Enterprise, EnterpriseFlash }

public enum NetworkAccess { Enabled, Disabled }

public enum PersistenceMode { None, Rdb, Aof }

public enum GeoRole { Primary, Secondary }

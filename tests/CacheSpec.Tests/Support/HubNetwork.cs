namespace CacheSpec.Tests.Support;

/// <summary>
/// The network spec many tests share (tests/cases/shared/network.yaml): network hub (10.0.0.0/16) with subnet redis
/// (10.0.1.0/28, behind redis-nsg, which allows TCP 6380 from hub/endpoints) and subnet endpoints (10.0.2.0/24).
/// </summary>
public static class HubNetwork
{
    /// <summary>The name the file goes by in a workspace.</summary>
    public const string Path = "network.cachespec.yaml";

    public static string Text { get; } =
        File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Cases, "shared", "network.yaml")).Replace("\r\n", "\n");

    /// <summary>The network with another prefix for subnet redis (a /29 leaves room for one small cache
    /// only).</summary>
    public static string WithRedisPrefix(string prefix) => Text.Replace("addressPrefix: 10.0.1.0/28", "addressPrefix: "
        + prefix);
}

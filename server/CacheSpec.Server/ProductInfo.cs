using System.Reflection;

namespace CacheSpec.Server;

public static class ProductInfo
{
    /// <summary>
    /// The version both hosts report (the command line's --version, the language server's serverInfo).
    /// </summary>
    public static string Version =>
        typeof(ProductInfo)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? "0.0.0";
}

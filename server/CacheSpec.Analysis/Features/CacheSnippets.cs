namespace CacheSpec.Analysis.Features;

/// <summary>
/// Templates that write a whole cache for each isolation option, and a whole spec for an empty file. Lines are relative
/// to the cursor's column; ${n:...} are snippet placeholders. The subnet placeholder defaults to a subnet the workspace
/// declares.
/// </summary>
public static class CacheSnippets
{
    public sealed record Template(string Label, string GuidanceSection, string[] Lines);

    public static IReadOnlyList<Template> Caches { get; } = new[]
    {
        new Template("cache with Private Link", "private-link.md#what-it-is", new[]
        {
            "name: ${1:app-cache}",
            "tier: ${2|Premium,Standard,Basic|}",
            "size: ${3:P1}",
            "tls:",
            "  minimumVersion: \"1.2\"",
            "isolation:",
            "  publicNetworkAccess: Disabled",
            "  privateEndpoints:",
            "    - name: ${4:pe-app}",
            "      subnet: ${5:{subnet}}",
            "      groupId: redisCache",
            "      privateDnsZone: privatelink.redis.cache.windows.net",
        }),
        new Template("cache with VNet injection", "vnet-injection.md#what-it-is", new[]
        {
            "name: ${1:app-cache}",
            "tier: Premium",
            "size: ${2|P1,P2,P3,P4,P5|}",
            "tls:",
            "  minimumVersion: \"1.2\"",
            "isolation:",
            "  vnetInjection:",
            "    subnet: ${3:{subnet}}",
        }),
        new Template("cache with firewall rules", "firewall-rules.md#what-it-is", new[]
        {
            "name: ${1:app-cache}",
            "tier: ${2|Standard,Basic,Premium|}",
            "size: ${3:C1}",
            "tls:",
            "  minimumVersion: \"1.2\"",
            "isolation:",
            "  publicNetworkAccess: Enabled",
            "  firewallRules:",
            "    - name: ${4:office}",
            "      startIp: ${5:203.0.113.0}",
            "      endIp: ${6:203.0.113.255}",
        }),
    };

    public static Template Spec { get; } = new("cache isolation spec", "overview.md", new[]
    {
        "apiVersion: cachespec/v1",
        "kind: CacheIsolationSpec",
        "guidance: ${1|current,2020-10|}",
        "metadata:",
        "  name: ${2:my-caches}",
        "caches:",
        "  - name: ${3:app-cache}",
        "    tier: ${4|Premium,Standard,Basic|}",
        "    size: ${5:P1}",
        "    isolation:",
        "      publicNetworkAccess: ${6|Disabled,Enabled|}",
        "$0",
    });

    /// <summary>
    /// The template's text, indented for the cursor's column (the first line stays where the cursor is).
    /// </summary>
    public static string Render(Template template, int column, string subnet)
    {
        var indent = new string(' ', column);
        return string.Join("\n",
            template.Lines.Select((line, index) =>
                (index == 0 ? string.Empty : indent) + line.Replace("{subnet}", subnet)));
    }
}

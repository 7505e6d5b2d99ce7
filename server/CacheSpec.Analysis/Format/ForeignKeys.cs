using System.Collections.Frozen;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// Keys that people carry over from ARM templates, Bicep and Terraform, and what this format calls them. They are
/// matched without case or underscores ("subnet_id" and "subnetId" alike). A target is a key of the same object, or a
/// path from it.
/// </summary>
public static class ForeignKeys
{
    private static readonly FrozenDictionary<(string Object, string Key), string[]> Targets = new (string Object,
        string[] Keys, string[] Targets)[]
    {
        ("cache", ["sku", "skuname"], ["tier", "size"]),
        ("cache", ["family", "capacity"], ["size"]),
        ("cache", ["location"], ["region"]),
        ("cache", ["subnetid"], ["isolation.vnetInjection.subnet"]),
        ("cache", ["staticip", "privatestaticipaddress"], ["isolation.vnetInjection.staticIp"]),
        ("cache", ["publicnetworkaccess", "publicnetworkaccessenabled"], ["isolation.publicNetworkAccess"]),
        ("cache", ["privateendpointconnections", "privateendpoints"], ["isolation.privateEndpoints"]),
        ("cache", ["firewallrules", "firewallrule"], ["isolation.firewallRules"]),
        ("cache", ["minimumtlsversion"], ["tls.minimumVersion"]),
        ("cache", ["enablenonsslport", "nonsslportenabled"], ["tls.nonSslPort"]),
        ("cache", ["replicaspermaster"], ["replicasPerPrimary"]),
        ("cache", ["linkedserver", "linkedservers"], ["geoReplication"]),
        ("isolation", ["publicnetworkaccessenabled"], ["publicNetworkAccess"]),
        ("isolation", ["subnetid"], ["vnetInjection.subnet"]),
        ("vnetInjection", ["subnetid"], ["subnet"]),
        ("vnetInjection", ["staticipaddress", "privatestaticipaddress"], ["staticIp"]),
        ("privateEndpoint", ["subnetid"], ["subnet"]),
        ("privateEndpoint", ["groupids", "subresourcenames"], ["groupId"]),
        ("privateEndpoint", ["privatednszonegroup", "privatednszoneids"], ["privateDnsZone"]),
        ("firewallRule", ["startipaddress"], ["startIp"]),
        ("firewallRule", ["endipaddress"], ["endIp"]),
        ("network", ["location"], ["region"]),
        ("network", ["addressprefixes"], ["addressSpace"]),
        ("network", ["dhcpoptions"], ["dnsServers"]),
        ("subnet", ["addressprefixes"], ["addressPrefix"]),
        ("subnet", ["networksecuritygroupid"], ["networkSecurityGroup"]),
        ("subnet", ["routetable"], ["routes"]),
        ("networkSecurityGroup", ["securityrules", "securityrule"], ["rules"]),
        ("securityRule", ["sourceaddressprefix", "sourceaddressprefixes"], ["source"]),
        ("securityRule", ["destinationaddressprefix", "destinationaddressprefixes"], ["destination"]),
        ("securityRule", ["destinationportrange", "destinationportranges"], ["destinationPorts"]),
    }
    .SelectMany(row => row.Keys.Select(key => (Key: (row.Object, key), row.Targets)))
    .ToFrozenDictionary(row => row.Key, row => row.Targets);

    /// <summary>
    /// Every object and foreign key the table knows (lower case, no underscores), with their targets, for the docs'
    /// test.
    /// </summary>
    public static IEnumerable<(string Object, string Key, IReadOnlyList<string> Targets)> All =>
        Targets.Select(row => (row.Key.Object, row.Key.Key, (IReadOnlyList<string>)row.Value));

    /// <summary>
    /// What this format calls a key of another tool in an object, or null when the key is not one of them.
    /// </summary>
    public static IReadOnlyList<string>? For(ObjectType type, string key) =>
        Targets.GetValueOrDefault((type.Name, Normalize(key)));

    /// <summary>
    /// The one key of the same object to rename a foreign key to, or null when it maps elsewhere or to several keys.
    /// </summary>
    public static string? Rename(ObjectType type, string key) =>
        For(type, key) is [var target] && !target.Contains('.') ? target : null;

    /// <summary>The hint an unknown-key finding gives for a foreign key.</summary>
    public static string? Hint(ObjectType type, string key) => For(type, key) switch
    {
        null => null,
        [var target] when !target.Contains('.') =>
            $" That is how ARM, Bicep or Terraform name it; this format calls it '{target}'.",
        [var path] => $" That is how ARM, Bicep or Terraform name it; this format has it at '{path}'.",
        var targets =>
            " That is how ARM, Bicep or Terraform name it; this format splits it into " +
            $"{string.Join(" and ", targets.Select(target => $"'{target}'"))}.",
    };

    private static string Normalize(string key) =>
        key.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}

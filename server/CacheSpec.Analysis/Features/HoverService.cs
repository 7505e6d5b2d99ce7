using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Hover on a key or enum value (the guidance for the spec's profile), on a reference (what it points to), and on a finding's range
/// (the finding, with why its rule exists). All explanation comes from the guidance documents and rule pages.
/// </summary>
public static class HoverService
{
    public static HoverInfo? Hover(SpecFile file, int offset, AnalysisResult analysis, GuidanceRenderer guidance, Func<string, string> rulePageLink)
    {
        var parts = new List<string>();
        TextSpan? span = null;
        var findings = analysis.For(file.Path).Where(diagnostic => diagnostic.Span.ContainsOrTouches(offset)).ToArray();
        foreach (var finding in findings)
        {
            var why = guidance.RuleWhy(finding.Code);
            parts.Add($"**{finding.Severity.ToString().ToLowerInvariant()}** [`{finding.Code}`]({rulePageLink(finding.Code)}): {finding.Message}" +
                (why is null ? string.Empty : $"\n\n{FirstParagraph(why)}"));
            span ??= finding.Span;
        }
        if (SyntaxLocator.Find(file, offset) is { } hit)
        {
            var text = hit.IsKey ? guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile) : DescribeValue(hit, analysis.Model, guidance);
            if (text is not null)
            {
                parts.Add(text);
                span = hit.Node.Span;
            }
        }
        return parts.Count == 0 ? null : new HoverInfo(string.Join("\n\n---\n\n", parts), span!.Value);
    }

    private static string? DescribeValue(SyntaxHit hit, WorkspaceModel model, GuidanceRenderer guidance)
    {
        var value = hit.Scalar?.Value;
        if (value is null || hit.Field.Type is not (ScalarType or ListType { Item: ScalarType }))
        {
            return null;
        }
        var scalar = hit.Field.Type as ScalarType ?? (ScalarType)((ListType)hit.Field.Type).Item;
        return scalar.Kind switch
        {
            ValueKind.Enum => guidance.Value(hit.Object.Name, hit.Field.Name, value, hit.Document.Profile) ?? guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile),
            ValueKind.SubnetReference => DescribeSubnet(value, model),
            ValueKind.AddressSelector when AddressText.LooksLikeSubnetReference(value) => DescribeSubnet(value, model),
            ValueKind.NsgReference => DescribeNsg(value, model),
            ValueKind.CacheReference => DescribeCache(value, model),
            ValueKind.Cidr when Network.Cidr.TryParse(value, out var cidr) =>
                $"**`{cidr}`**: {cidr.AddressCount.ToString(CultureInfo.InvariantCulture)} addresses ({cidr.Range}), {cidr.UsableAddresses.ToString(CultureInfo.InvariantCulture)} usable in an Azure subnet",
            _ => guidance.Key(hit.Object.Name, hit.Field.Name, hit.Document.Profile),
        };
    }

    private static string DescribeSubnet(string reference, WorkspaceModel model)
    {
        if (model.FindSubnet(reference) is not { } subnet)
        {
            return $"**`{reference}`**: no subnet of the workspace has this name.";
        }
        var lines = new List<string> { $"**`{reference}`** · subnet of network `{subnet.Network.Name?.Value}` ({subnet.Network.Document.File.Path})" };
        if (subnet.AddressPrefix is { } prefix)
        {
            lines.Add($"`{prefix.Value}` · {prefix.Value.UsableAddresses} usable addresses");
        }
        var injected = model.CachesInjectedInto(subnet);
        if (injected.Count > 0)
        {
            lines.Add($"Injected caches: {string.Join(", ", injected.Select(cache => $"`{cache.DisplayName}` ({cache.RequiredSubnetAddresses})"))}, " +
                $"{injected.Sum(cache => cache.RequiredSubnetAddresses)} addresses in all");
        }
        var endpoints = model.PrivateEndpointsIn(subnet);
        if (endpoints.Count > 0)
        {
            lines.Add($"Private endpoints: {string.Join(", ", endpoints.Select(endpoint => $"`{endpoint.Name?.Value}` of `{endpoint.Cache.DisplayName}`"))}");
        }
        if (subnet.NetworkSecurityGroup is { } nsg)
        {
            lines.Add($"NSG: `{nsg.Value}`");
        }
        return string.Join("\n\n", lines);
    }

    private static string DescribeNsg(string name, WorkspaceModel model)
    {
        if (model.FindNsg(name) is not { } nsg)
        {
            return $"**`{name}`**: no network security group of the workspace has this name.";
        }
        var rules = nsg.Rules.Where(rule => rule.Priority is not null).OrderBy(rule => rule.Priority!.Value).Take(12)
            .Select(rule => $"| {rule.Priority?.Value} | {rule.Direction?.Value} | {rule.Access?.Value} | {(rule.Protocol?.Node.Resolved as Syntax.ScalarSyntax)?.Value} | {rule.Source?.Value} | {rule.Destination?.Value} | {string.Join(", ", rule.DestinationPorts.Select(port => port.Value))} |");
        return $"**`{name}`** · network security group ({nsg.Document.File.Path}), {nsg.Rules.Count} rule(s)\n\n" +
            "| priority | direction | access | protocol | source | destination | ports |\n| --- | --- | --- | --- | --- | --- | --- |\n" + string.Join("\n", rules);
    }

    private static string DescribeCache(string name, WorkspaceModel model)
    {
        if (model.FindCache(name) is not { } cache)
        {
            return $"**`{name}`**: no cache of the workspace has this name.";
        }
        var parts = new[] { cache.Tier?.Value.ToString(), cache.Size?.Value, cache.Region?.Value }.Where(part => part is not null);
        return $"**`{name}`** · cache ({cache.Document.File.Path})\n\n{string.Join(" · ", parts)} {DocumentSymbols.Isolation(cache)}" +
            (cache.GeoRole is { } role ? $"\n\nGeo-replication role: {role.Value.ToString().ToLowerInvariant()}" : string.Empty);
    }

    private static string FirstParagraph(string markdown)
    {
        var end = markdown.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? markdown : markdown[..end];
    }
}

using System.Globalization;
using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Rules.Isolation;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Common;

/// <summary>
/// Adds the NSG rules a VNet-injected cache needs, for exactly the flows the diagnostic's blocking rule denies: it
/// evaluates the NSG as the rule does, turns each blocked flow's far end into a source or destination (a service tag,
/// the Redis subnet's prefix, VirtualNetwork for the 2020 table's virtual network, each assumed client subnet by its
/// reference, the DNS servers, a geo-replica's prefix), merges flows with the same far end and protocol into one rule,
/// and gives the new rules free priorities just below the blocking rule's, so they are evaluated first.
/// </summary>
internal static class NsgAllowRules
{
    private const int LowestPriority = 100;
    private const int HighestPriority = 4096;

    public static IEnumerable<CodeFix> For(FixContext context, TrafficDirection direction)
    {
        if (Locate(context) is not var (nsg, blocking, subnets))
        {
            yield break;
        }
        var wanted = new List<(AllowTarget Target, TrafficProtocol Protocol, PortRange Ports)>();
        foreach (var subnet in subnets)
        {
            if (subnet.AddressPrefix is not { } prefix)
            {
                continue;
            }
            var evaluator = InjectedSubnetFlows.Evaluator(context.Model, subnet, nsg);
            var local = TrafficEndpoint.Addresses("the Redis subnet", prefix.Value.Range);
            foreach (var flow in InjectedSubnetFlows.RequiredFlows(context.Model, subnet, nsg, direction))
            {
                var verdict = evaluator.Evaluate(flow, local);
                var decidedByBlocking = blocking is null ? verdict.DecidingRule?.Origin is null
                    : ReferenceEquals(verdict.DecidingRule?.Origin, blocking);
                if (verdict.Allowed || !decidedByBlocking)
                {
                    continue;
                }
                // A far end no single selector names exactly would leave the flow blocked: offer nothing rather than
                // half a fix. Client subnets the spec cannot name are each allowed, for the author to keep the real
                // ones.
                foreach (var remote in flow.Remote.AnyOf.Count > 0 ? flow.Remote.AnyOf : [flow.Remote])
                {
                    if ((flow.Remote.AnyOf.Count > 0 && remote.Subnet is { } client ? ClientTarget(client)
                        : Target(remote, subnet, prefix.Value)) is not { } target)
                    {
                        yield break;
                    }
                    wanted.Add((target, flow.Protocol, flow.Ports));
                }
            }
        }
        // A flow to a tag that another wanted rule's broader tag admits on the same ports needs no rule of its own
        // (Storage beside the internet on 443).
        wanted.RemoveAll(flow => wanted.Any(other => other.Target.Selector != flow.Target.Selector
            && TrafficEndpoint.PublicServiceTags.Contains(flow.Target.Selector)
            && TrafficEndpoint.TagCovers(other.Target.Selector, flow.Target.Selector)
            && (other.Protocol == flow.Protocol || other.Protocol == TrafficProtocol.Any)
            && other.Ports.First <= flow.Ports.First && flow.Ports.Last <= other.Ports.Last));
        var rules = wanted.GroupBy(flow => (flow.Target, flow.Protocol))
            .Select(group =>
                (group.Key.Target, group.Key.Protocol, Ports: group.Select(flow => flow.Ports).Distinct().ToArray()))
            .ToArray();
        if (rules.Length == 0
            || Priorities(nsg, direction, blocking?.Priority?.Value ?? HighestPriority + 1,
                rules.Length) is not { } priorities)
        {
            yield break;
        }
        var names = new HashSet<string>(nsg.Rules.Select(rule => rule.Name?.Value).OfType<string>(),
            StringComparer.Ordinal);
        var inbound = direction == TrafficDirection.Inbound;
        var items = rules.Select((rule, i) => (IReadOnlyList<(string, string)>)new (string, string)[]
        {
            ("name", UniqueName($"allow-{rule.Target.Slug}-{(inbound ? "in" : "out")}", names)),
            ("priority", priorities[i].ToString(CultureInfo.InvariantCulture)),
            ("direction", direction.ToString()),
            ("access", "Allow"),
            ("protocol", rule.Protocol == TrafficProtocol.Any ? YamlText.String("*") : rule.Protocol.ToString()),
            ("source", YamlText.String(inbound ? rule.Target.Selector : "*")),
            ("destination", YamlText.String(inbound ? "*" : rule.Target.Selector)),
            ("destinationPorts", "[" + string.Join(", ", rule.Ports.Select(Port)) + "]"),
        }).ToArray();
        if (Insert(nsg, blocking, items) is { } edit)
        {
            var what = inbound ? "inbound ports" : "outbound dependencies";
            yield return new CodeFix($"Add NSG rules to '{nsg.Name?.Value}' that allow the cache's blocked {what}",
                new[] { edit }, IsPreferred: true);
        }
    }

    /// <summary>
    /// The NSG, its blocking rule (null for Azure's default rule) and the injected subnets the NSG applies to.
    /// </summary>
    private static (NsgModel Nsg, SecurityRuleModel? Blocking,
        IReadOnlyList<SubnetModel> Subnets)? Locate(FixContext context)
    {
        var model = context.Model;
        foreach (var nsg in model.NetworkSecurityGroups.Where(nsg => nsg.Document.File == context.File))
        {
            if (nsg.Rules.FirstOrDefault(rule => context.IsOn(rule.Access?.Node ?? rule.Syntax)) is { } blocking)
            {
                var subnets = model.SubnetsWithInjectedCaches
                    .Where(subnet =>
                        subnet.NetworkSecurityGroup is { } reference
                        && ReferenceEquals(model.FindNsg(reference.Value), nsg))
                    .ToArray();
                return (nsg, blocking, subnets);
            }
        }
        // Azure's default rule blocks: the finding stands on the subnet's networkSecurityGroup.
        var subnet = model.SubnetsWithInjectedCaches.FirstOrDefault(candidate =>
            candidate.Network.Document.File == context.File
            && context.IsOn(candidate.NetworkSecurityGroup?.Node));
        return subnet?.NetworkSecurityGroup is { } nsgReference && model.FindNsg(nsgReference.Value) is { } found
            ? (found, null, new[] { subnet })
            : null;
    }

    /// <summary>
    /// How a new rule names a flow's far end so that it covers all of it, and a word for the rule's name.
    /// </summary>
    private static AllowTarget? Target(TrafficEndpoint remote, SubnetModel subnet, Cidr prefix)
    {
        if (remote.ServiceTag is { } tag)
        {
            return new AllowTarget(tag, tag switch
            {
                "Storage" => "storage",
                "AzureKeyVault" => "key-vault",
                "AzureMonitor" => "monitor",
                "AzureLoadBalancer" => "load-balancer",
                _ => tag.ToLowerInvariant(),
            });
        }
        var ranges = remote.Ranges;
        var space = subnet.Network.AddressSpace.Select(located => located.Value.Range).ToArray();
        if (ranges.Count == 1 && ranges[0] == prefix.Range)
        {
            return new AllowTarget(prefix.ToString(), "redis-subnet");
        }
        if (ranges.Count > 0 && ranges.Count == space.Length && ranges.All(space.Contains))
        {
            return new AllowTarget("VirtualNetwork", "clients");
        }
        if (ranges.Count > 0 && ranges.All(range => range.First == range.Last))
        {
            // DNS servers: one address, or all of them inside the network, or a narrow prefix that holds them all.
            if (ranges.Count == 1)
            {
                return new AllowTarget(ranges[0].First.ToString(), "dns");
            }
            if (ranges.All(range => space.Any(block => block.Contains(range))))
            {
                return new AllowTarget("VirtualNetwork", "dns");
            }
            var covering = Covering(ranges.Min(range => range.First.Value), ranges.Max(range => range.Last.Value));
            return covering.PrefixLength >= 24 ? new AllowTarget(covering.ToString(), "dns") : null;
        }
        if (ranges.Count == 1 && AsCidr(ranges[0]) is { } peer)
        {
            return new AllowTarget(peer.ToString(), "geo-replica");
        }
        return null;
    }

    /// <summary>
    /// A client subnet, named by its reference (which follows a rename) and, in the rule's name, by its own name.
    /// </summary>
    private static AllowTarget ClientTarget(NamedRange client)
    {
        var name = client.Name[(client.Name.IndexOf('/') + 1)..];
        return new AllowTarget(client.Name, name.Length > 60 ? name[..60] : name);
    }

    /// <summary>
    /// Free priorities of the direction below the blocking rule's: multiples of ten first, nearest to it; null when too
    /// few are free.
    /// </summary>
    private static int[]? Priorities(NsgModel nsg, TrafficDirection direction, int blockingPriority, int count)
    {
        var taken = nsg.Rules.Where(rule => rule.Direction?.Value == direction && rule.Priority is not null)
            .Select(rule => rule.Priority!.Value)
            .ToHashSet();
        var ceiling = Math.Min(blockingPriority, HighestPriority + 1);
        var picked = new List<int>();
        for (var priority = (ceiling - 1) / 10 * 10; priority >= LowestPriority && picked.Count < count; priority -= 10)
        {
            if (!taken.Contains(priority))
            {
                picked.Add(priority);
            }
        }
        for (var priority = ceiling - 1; priority >= LowestPriority && picked.Count < count; priority--)
        {
            if (!taken.Contains(priority) && !picked.Contains(priority))
            {
                picked.Add(priority);
            }
        }
        return picked.Count == count ? picked.Order().ToArray() : null;
    }

    private static FixEdit? Insert(NsgModel nsg, SecurityRuleModel? blocking,
        IReadOnlyList<IReadOnlyList<(string Key, string Value)>> items)
    {
        var file = nsg.Document.File;
        var rulesEntry = nsg.Syntax.Find("rules");
        if (rulesEntry?.Value is SequenceSyntax sequence)
        {
            var index = blocking is null ? -1 : IndexOf(sequence, blocking.Syntax);
            return YamlEdits.InsertItems(file, sequence, index < 0 ? sequence.Items.Count : index, items);
        }
        if (rulesEntry is not null)
        {
            return null;
        }
        var lastEntry = nsg.Syntax.Entries.Count > 0 ? nsg.Syntax.Entries[^1] : null;
        if (nsg.Syntax.IsFlow)
        {
            return YamlEdits.InsertEntry(file, nsg.Syntax,
                new[] { "rules: [" + string.Join(", ", items.Select(YamlText.FlowMapping)) + "]" }, lastEntry);
        }
        var unit = YamlLayout.IndentUnit(file.Text, nsg.Document.Root);
        var lines = new List<string> { "rules:" };
        foreach (var item in items)
        {
            lines.Add(YamlLayout.Spaces(unit) + $"- {item[0].Key}: {item[0].Value}");
            lines.AddRange(item.Skip(1).Select(entry => YamlLayout.Spaces(unit + 2) + $"{entry.Key}: {entry.Value}"));
        }
        return YamlEdits.InsertEntry(file, nsg.Syntax, lines, lastEntry);
    }

    private static int IndexOf(SequenceSyntax sequence, MappingSyntax item)
    {
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (ReferenceEquals(sequence.Items[i], item))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A port or range as the format writes it: plain (a port list may hold numbers), "*" quoted.</summary>
    private static string Port(PortRange ports) =>
        ports == PortRange.Any ? YamlText.DoubleQuoted("*") : ports.ToString();

    private static string UniqueName(string name, HashSet<string> names)
    {
        var unique = name;
        for (var suffix = 2; !names.Add(unique); suffix++)
        {
            unique = $"{name}-{suffix}";
        }
        return unique;
    }

    private static Cidr? AsCidr(Ipv4Range range)
    {
        var count = range.Count;
        if ((count & (count - 1)) != 0 || (range.First.Value & (count - 1)) != 0)
        {
            return null;
        }
        return new Cidr(range.First, 32 - System.Numerics.BitOperations.Log2(count));
    }

    private static Cidr Covering(uint first, uint last)
    {
        var length = 32;
        while (length > 0 && (first >> (32 - length)) != (last >> (32 - length)))
        {
            length--;
        }
        var mask = length == 0 ? 0 : uint.MaxValue << (32 - length);
        return new Cidr(new Ipv4Address(first & mask), length);
    }

    private sealed record AllowTarget(string Selector, string Slug);
}

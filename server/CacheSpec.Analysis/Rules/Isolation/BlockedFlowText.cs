using System.Globalization;
using System.Text;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// The words of an NSG finding: a message that groups the blocked flows by far end and stays short enough to read in
/// a list of problems, and a detail, shown by the finding's hover, that lists every flow with what it is for.
/// </summary>
internal static class BlockedFlowText
{
    /// <summary>Past this length a message names the far ends only, and the detail carries the ports.</summary>
    public const int MessageLimit = 300;

    private const int CachesNamed = 3;

    public static (string Message, string Detail) Describe(string nsg, BlockingRule blocking,
        TrafficDirection direction, string subnet, IReadOnlyList<string> caches)
    {
        var rule = blocking.Rule;
        var outbound = direction == TrafficDirection.Outbound;
        var (directionName, preposition) = outbound ? ("outbound", "to") : ("inbound", "from");
        var flows = Merge(blocking.Flows);
        var groups = flows.GroupBy(flow => flow.Remote.Description).ToArray();
        var head = $"NSG '{nsg}' rule '{rule.Name}' (priority {rule.Priority}) blocks {directionName} ";
        var tail = $" for the caches injected into '{subnet}' ({Caches(caches)}); they may not work.";
        // Far ends blocked on the same ports are named together: "TCP 443 to Storage, AzureKeyVault and AzureMonitor".
        var bySamePorts = groups.GroupBy(group => Ports(group), group => group.Key);
        var message = head + string.Join("; ", bySamePorts.Select(same =>
            $"{same.Key} {preposition} {Joined(same.ToArray(), int.MaxValue)}")) + tail;
        if (message.Length > MessageLimit)
        {
            var count = flows.Count.ToString(CultureInfo.InvariantCulture);
            head = $"NSG '{nsg}' rule '{rule.Name}' (priority {rule.Priority}) blocks {count} {directionName} " +
                $"flows {preposition} ";
            message = head + Listed(groups.Select(group => group.Key).ToArray(),
                MessageLimit - head.Length - tail.Length) + tail;
        }
        return (message, Detail(flows, directionName, preposition));
    }

    /// <summary>
    /// A flow piece as it is told: TCP and UDP pieces of the same ports and far end read as "TCP/UDP".
    /// </summary>
    private sealed record Told(string Protocol, PortRange Ports, TrafficEndpoint Remote, string Purpose);

    private static List<Told> Merge(IReadOnlyList<BlockedFlow> flows)
    {
        var told = new List<Told>();
        foreach (var flow in flows)
        {
            var protocol = flow.Protocol.ToString().ToUpperInvariant();
            var twin = told.FindIndex(other => other.Ports == flow.Ports && other.Purpose == flow.Purpose
                && other.Remote.Description == flow.Remote.Description && other.Protocol != protocol
                && !other.Protocol.Contains('/'));
            if (twin >= 0)
            {
                told[twin] = told[twin] with { Protocol = "TCP/UDP" };
            }
            else
            {
                told.Add(new Told(protocol, flow.Ports, flow.Remote, flow.Purpose));
            }
        }
        return told;
    }

    /// <summary>"TCP 8443, 10221-10231, UDP 123": the protocol written where it changes.</summary>
    private static string Ports(IEnumerable<Told> flows)
    {
        var text = new StringBuilder();
        string? protocol = null;
        foreach (var flow in flows)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ");
            if (flow.Protocol != protocol)
            {
                text.Append(flow.Protocol).Append(' ');
                protocol = flow.Protocol;
            }
            text.Append(flow.Ports.ToString());
        }
        return text.ToString();
    }

    /// <summary>Names joined while they fit in the room left, then how many more there are.</summary>
    private static string Listed(string[] names, int room)
    {
        var shown = 1;
        while (shown < names.Length && Joined(names, shown + 1).Length <= room)
        {
            shown++;
        }
        return Joined(names, shown);
    }

    /// <summary>"a, b and c", or "a, b and 3 more" when only the first <paramref name="shown"/> are named.</summary>
    private static string Joined(string[] names, int shown)
    {
        shown = Math.Min(shown, names.Length);
        var named = names.Take(shown).ToList();
        if (shown < names.Length)
        {
            named.Add($"{names.Length - shown} more");
        }
        return named.Count == 1 ? named[0] : string.Join(", ", named.Take(named.Count - 1)) + " and " + named[^1];
    }

    private static string Caches(IReadOnlyList<string> caches)
    {
        var named = string.Join(", ", caches.Take(CachesNamed).Select(cache => $"'{cache}'"));
        return caches.Count > CachesNamed ? $"{named} and {caches.Count - CachesNamed} more" : named;
    }

    /// <summary>
    /// Every blocked flow on its own line, and the subnets assumed to be the clients where they count.
    /// </summary>
    private static string Detail(IReadOnlyList<Told> flows, string directionName, string preposition)
    {
        var text = new StringBuilder($"Blocked {directionName} flows:\n");
        foreach (var flow in flows)
        {
            text.Append($"\n- {flow.Protocol} {flow.Ports} {preposition} {flow.Remote.Description}: {flow.Purpose}");
        }
        var assumed = flows.Select(flow => flow.Remote).Where(remote => remote.AnyOf.Count > 0)
            .SelectMany(remote => remote.AnyOf.Select(choice => choice.Description)).Distinct().ToArray();
        if (assumed.Length > 0)
        {
            text.Append("\n\nUntil a spec can name its clients, the client subnets are taken to be the network's ")
                .Append("other subnets, and a port counts as blocked only when it is blocked for all of them: ")
                .Append(string.Join(", ", assumed)).Append('.');
        }
        return text.ToString();
    }
}

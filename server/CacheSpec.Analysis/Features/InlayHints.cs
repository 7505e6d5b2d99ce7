using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Numbers the spec implies but does not show: usable addresses after a subnet prefix, the addresses a VNet-injected
/// cache needs, and the effective publicNetworkAccess where it is left unset.
/// </summary>
public static class InlayHints
{
    public static IReadOnlyList<InlayHint> For(SpecFile file, WorkspaceModel model, TextSpan range)
    {
        var hints = new List<InlayHint>();
        void Add(int offset, string label)
        {
            if (range.ContainsOrTouches(offset))
            {
                hints.Add(new InlayHint(offset, label));
            }
        }
        foreach (var document in file.Documents)
        {
            foreach (var subnet in document.Networks.SelectMany(network => network.Subnets))
            {
                if (subnet.AddressPrefix is { } prefix)
                {
                    Add(prefix.Node.Span.End, $"· {prefix.Value.UsableAddresses} usable");
                }
            }
            foreach (var cache in document.Caches)
            {
                if (cache.VnetInjection?.Subnet is { } injected)
                {
                    Add(injected.Node.Span.End, $"· needs {cache.RequiredSubnetAddresses}");
                }
                if (cache.PublicNetworkAccess is null && cache.VnetInjection is null
                    && cache.IsolationKey is { } isolation)
                {
                    // The API's default is Enabled; Enterprise tiers with Private Link are never public.
                    var effective = cache.PublicAccessMayBeEnabled ? "Enabled" : "Disabled";
                    Add(isolation.Span.End + 1, $"publicNetworkAccess: {effective} (unset)");
                }
            }
        }
        return hints;
    }
}

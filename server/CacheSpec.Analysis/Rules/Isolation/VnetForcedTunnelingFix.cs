using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Send the injected subnet's default traffic straight to the internet, the remedy the VNet article gives: nextHop:
/// Internet on its 0.0.0.0/0 route. Not preferred: letting the appliance pass the dependencies is the other remedy.
/// </summary>
internal sealed class VnetForcedTunnelingFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        var route = context.Model.SubnetsWithInjectedCaches
            .Where(subnet => subnet.Network.Document.File == context.File)
            .Select(VnetForcedTunnelingRule.DefaultRoute)
            .FirstOrDefault(candidate => context.IsOn(candidate?.NextHop?.Node));
        if (route?.NextHop is { } hop && YamlEdits.ReplaceScalar(context.File, hop.Node, "Internet") is { } edit)
        {
            yield return new CodeFix($"Set nextHop: Internet on route '{route.Name?.Value ?? "(unnamed)"}'",
                new[] { edit }, IsPreferred: false);
        }
    }
}

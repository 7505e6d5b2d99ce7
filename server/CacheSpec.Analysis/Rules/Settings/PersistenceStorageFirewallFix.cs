using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>
/// Current guidance: authenticate to the firewalled storage account with the cache's managed identity
/// (authentication: managedIdentity). The 2020-10 finding has no edit to offer: the storage account's firewall and the
/// private endpoint are both real choices.
/// </summary>
internal sealed class PersistenceStorageFirewallFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { Profile: GuidanceProfile.Current, StorageFirewall: { } firewall } cache
            || !(context.IsOn(firewall.Node) || context.IsOn(cache.PersistenceAuthentication?.Node))
            || YamlEdits.ChildMapping(cache.Syntax, "persistence") is not { } persistence)
        {
            yield break;
        }
        var after = persistence.Find("storageFirewall") ?? persistence.Entries[^1];
        if (YamlEdits.SetScalar(cache.Document.File, persistence, "authentication", "managedIdentity", after)
            is { } edit)
        {
            yield return new CodeFix("Set authentication: managedIdentity", new[] { edit }, IsPreferred: true);
        }
    }
}

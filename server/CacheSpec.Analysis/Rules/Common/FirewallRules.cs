using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Common;

/// <summary>
/// Removes the firewallRules key the diagnostic stands on, with its whole list ("isolation: {}" when nothing else is
/// left).
/// </summary>
internal static class FirewallRules
{
    public const string RemoveTitle = "Remove the firewall rules";

    public static CodeFix? Remove(FixContext context, bool preferred)
    {
        if (context.Cache is not { } cache
            || cache.Syntax.Find("isolation") is not { Value: MappingSyntax isolation } isolationEntry
            || isolation.Find("firewallRules") is not { } entry || !context.IsOn(entry.Key)
            || YamlEdits.RemoveEntry(cache.Document.File, isolation, entry, isolationEntry) is not { } edit)
        {
            return null;
        }
        return new CodeFix(RemoveTitle, new[] { edit }, preferred);
    }
}

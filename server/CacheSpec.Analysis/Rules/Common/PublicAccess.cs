using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Common;

/// <summary>
/// Sets a cache's isolation.publicNetworkAccess: replaces the value, or inserts the key first under "isolation:".
/// </summary>
internal static class PublicAccess
{
    public static CodeFix? Set(CacheModel cache, string value, bool preferred)
    {
        if (YamlEdits.ChildMapping(cache.Syntax, "isolation") is not { } isolation
            || YamlEdits.SetScalar(cache.Document.File, isolation, "publicNetworkAccess", value,
                after: null) is not { } edit)
        {
            return null;
        }
        return new CodeFix($"Set publicNetworkAccess: {value}", new[] { edit }, preferred);
    }

    /// <summary>
    /// The preferred fix for a cache with private endpoints whose public access is not Disabled: set it to Disabled.
    /// Null when the cache has no private endpoints or the text cannot be edited safely.
    /// </summary>
    public static CodeFix? DisableBesidePrivateEndpoints(FixContext context) =>
        context.Cache is { HasPrivateEndpoints: true } cache ? Set(cache, "Disabled", preferred: true) : null;

    /// <summary>Removes the cache's isolation.publicNetworkAccess line; null when there is none or the text cannot be
    /// edited safely.</summary>
    public static CodeFix? Remove(CacheModel cache) =>
        YamlEdits.ChildMapping(cache.Syntax, "isolation") is { } isolation
            && isolation.Find("publicNetworkAccess") is { } entry
            && YamlEdits.RemoveEntry(cache.Document.File, isolation, entry) is { } edit
            ? new CodeFix("Remove publicNetworkAccess", new[] { edit }, IsPreferred: true) : null;
}

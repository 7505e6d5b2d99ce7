using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// A private endpoint setting whose value the cache's service decides (its groupId, its private DNS zone): the fix
/// that writes the expected value over the one under the diagnostic, in the quoting style the text already uses.
/// </summary>
internal static class PrivateEndpointSetting
{
    /// <summary>
    /// The preferred fix "Change {key} to {expected}" for the endpoint whose <paramref name="setting"/> the diagnostic
    /// is on; null when no endpoint's setting is under it or the text cannot be edited safely.
    /// </summary>
    public static CodeFix? Replace(FixContext context, string key, Func<PrivateEndpointModel, Located<string>?> setting,
        Func<CacheModel, string?> expectedOf)
    {
        if (context.Cache is not { } cache
            || cache.PrivateEndpoints.Select(setting).FirstOrDefault(value => context.IsOn(value?.Node))
                is not { } current)
        {
            return null;
        }
        if (expectedOf(cache) is not { } expected)
        {
            return null;
        }
        var file = cache.Document.File;
        var replacement = YamlText.StringLike(file.Text, current.Node, expected);
        return YamlEdits.ReplaceScalar(file, current.Node, replacement) is { } edit
            ? new CodeFix($"Change {key} to {expected}", new[] { edit }, IsPreferred: true)
            : null;
    }
}

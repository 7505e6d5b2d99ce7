using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Common;

/// <summary>
/// The fix that writes a version-like value ("1.2", "6") over a cache's setting, quoted as the text already quotes it:
/// YAML would read a plain 1.2 or 6 as a number.
/// </summary>
internal static class QuotedSetting
{
    public static CodeFix? Replace(FixContext context, Located<string>? setting, string key, string value)
    {
        if (context.Cache is not { } cache || setting is null || !context.IsOn(setting.Node))
        {
            return null;
        }
        var file = cache.Document.File;
        return YamlEdits.ReplaceScalar(file, setting.Node, YamlText.StringLike(file.Text, setting.Node, value))
            is { } edit ? new CodeFix($"Set {key}: \"{value}\"", new[] { edit }, IsPreferred: true) : null;
    }
}

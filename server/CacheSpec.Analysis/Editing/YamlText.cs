using System.Text.RegularExpressions;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Editing;

/// <summary>Writes values as YAML scalars that read back as the same strings.</summary>
internal static partial class YamlText
{
    /// <summary>A string as a plain scalar when YAML reads it back as that string, else double-quoted.</summary>
    public static string String(string value) => IsPlainSafe(value) ? value : DoubleQuoted(value);

    /// <summary>
    /// A string written the way the scalar it replaces was: in the same quotes when that one was quoted.
    /// </summary>
    public static string StringLike(SourceText text, SyntaxNode replaced, string value) =>
        (replaced.Span.Length > 0 ? text.Text[replaced.Span.Start] : '\0') switch
        {
            '"' => DoubleQuoted(value),
            '\'' => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
            _ => String(value),
        };

    public static string DoubleQuoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            + "\"";

    /// <summary>A flow mapping on one line: {key: value, ...}; the values are already YAML text.</summary>
    public static string FlowMapping(IEnumerable<(string Key, string Value)> entries) =>
        "{" + string.Join(", ", entries.Select(entry => $"{entry.Key}: {entry.Value}")) + "}";

    private static bool IsPlainSafe(string value) =>
        PlainWord().IsMatch(value) && YamlCoreSchema.ReadsAsNonString(value) is null;

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainWord();
}

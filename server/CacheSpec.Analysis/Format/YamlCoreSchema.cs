using System.Text.RegularExpressions;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// How YAML 1.2's core schema types a plain scalar, which is how YAML tools and JSON Schema validators see it.
/// </summary>
public static partial class YamlCoreSchema
{
    /// <summary>
    /// "a number", "a boolean" or "null" when a plain scalar is not read as a string; null when it is a string.
    /// </summary>
    public static string? ReadsAsNonString(string plain)
    {
        if (plain.Length == 0 || plain is "~" or "null" or "Null" or "NULL")
        {
            return "null";
        }
        if (plain is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return "a boolean";
        }
        // Every number starts with a sign, a digit or a dot: a name or a word is told apart without running the
        // pattern.
        return plain[0] is (>= '0' and <= '9') or '-' or '+' or '.' && Number().IsMatch(plain) ? "a number" : null;
    }

    [GeneratedRegex(
        @"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|I" +
        @"NF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Number();
}

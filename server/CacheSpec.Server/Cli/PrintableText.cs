using System.Globalization;
using System.Text;

namespace CacheSpec.Server.Cli;

/// <summary>
/// Text from a spec or a path made safe to print on one line of a terminal or a CI log: control characters (line
/// breaks, escape sequences, C1 controls) and the Unicode line and paragraph separators are written as escapes ("\n",
/// "\u001B"), so a value can neither start a line of its own (a forged "::error" workflow command or summary line) nor
/// drive the terminal.
/// </summary>
internal static class PrintableText
{
    public static string Of(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }
        var printable = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            printable.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return printable.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

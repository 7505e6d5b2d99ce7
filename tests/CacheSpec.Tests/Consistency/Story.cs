using System.Text;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// What a session sent, kept so a failure explains itself: the session's recipes, every change as the protocol carried
/// it, and the first line where the server's view and a fresh open of the client's text part.
/// </summary>
internal sealed class Story
{
    private readonly StringBuilder sent = new();

    public Story(EditSequence session) => sent.Append(session).Append('\n');

    public void Add(int target, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            var range = change.Range is { } r ? $"{r.Start.Line}:{r.Start.Character}-{r.End.Line}:{r.End.Character}"
                : "full";
            sent.Append($"  doc {target} {range} \"{Escape(change.Text)}\"\n");
        }
    }

    public void Note(string line) => sent.Append("  ").Append(line).Append('\n');

    public void Expect(string what, string expected, string? actual)
    {
        if (expected == actual)
        {
            return;
        }
        var expectedLines = expected.Split('\n');
        var actualLines = (actual ?? "(nothing)").Split('\n');
        var first = 0;
        while (first < expectedLines.Length && first < actualLines.Length && expectedLines[first] == actualLines[first])
        {
            first++;
        }
        var wanted = first < expectedLines.Length ? expectedLines[first] : "(end)";
        var got = first < actualLines.Length ? actualLines[first] : "(end)";
        throw new Xunit.Sdk.XunitException(
            $"The {what} differs from a fresh open of the client's text, first at line {first + 1}:\n  fresh:  " +
                $"{Escape(wanted)}\n  server: {Escape(got)}\n" +
            $"Session:\n{sent}\n--- fresh, around line {first + 1}\n{Around(expectedLines, first)}\n--- server, " +
                $"around line {first + 1}\n{Around(actualLines, first)}");
    }

    private static string Around(string[] lines, int line) => string.Join('\n', lines.Skip(Math.Max(0, line - 15))
        .Take(40));

    private static string Escape(string text) =>
        text.Length > 200 ? Escape(text[..200]) + "..." : text.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n",
            "\\n").Replace("\t", "\\t").Replace("\"", "\\\"");
}

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>
/// A unified diff of two texts (hunks with two lines of context, numbered from 1 as diff does). A carriage return shows
/// as "␍" at the end of its line, so a fix that loses or adds one shows in a baseline.
/// </summary>
public static class LineDiff
{
    private const int Context = 2;

    public static string Render(string before, string after)
    {
        var (old, @new) = (Lines(before), Lines(after));
        var operations = Operations(old, @new);
        var text = new System.Text.StringBuilder();
        var changed = Enumerable.Range(0, operations.Count).Where(i => operations[i].Kind != ' ').ToArray();
        var index = 0;
        while (index < changed.Length)
        {
            var first = Math.Max(0, changed[index] - Context);
            var last = changed[index];
            while (index < changed.Length && changed[index] <= last + 2 * Context + 1)
            {
                last = changed[index++];
            }
            last = Math.Min(operations.Count - 1, last + Context);
            var hunk = operations.Skip(first).Take(last - first + 1).ToArray();
            var oldStart = operations.Take(first).Count(op => op.Kind != '+') + 1;
            var newStart = operations.Take(first).Count(op => op.Kind != '-') + 1;
            var (oldCount, newCount) = (hunk.Count(op => op.Kind != '+'), hunk.Count(op => op.Kind != '-'));
            text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var (kind, line) in hunk)
            {
                text.Append(kind).Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(line => line.EndsWith('\r') ? line[..^1] + "␍" : line).ToArray();

    /// <summary>The edit script of a longest common subsequence: ' ' kept, '-' removed, '+' added, in order.</summary>
    private static List<(char Kind, string Line)> Operations(string[] old, string[] @new)
    {
        var common = new int[old.Length + 1, @new.Length + 1];
        for (var i = old.Length - 1; i >= 0; i--)
        {
            for (var j = @new.Length - 1; j >= 0; j--)
            {
                common[i, j] = old[i] == @new[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j
                    + 1]);
            }
        }
        var operations = new List<(char, string)>();
        var (a, b) = (0, 0);
        while (a < old.Length || b < @new.Length)
        {
            if (a < old.Length && b < @new.Length && old[a] == @new[b])
            {
                operations.Add((' ', old[a++]));
                b++;
            }
            else if (a < old.Length && (b == @new.Length || common[a + 1, b] >= common[a, b + 1]))
            {
                operations.Add(('-', old[a++]));
            }
            else
            {
                operations.Add(('+', @new[b++]));
            }
        }
        return operations;
    }
}

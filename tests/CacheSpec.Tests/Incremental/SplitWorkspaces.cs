using System.Text;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Incremental;

/// <summary>Multi-file workspaces made of the examples, for the incremental analysis's tests.</summary>
internal static class SplitWorkspaces
{
    public static IEnumerable<(string Name, IReadOnlyDictionary<string, string> Files)> All()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "workspace");
        yield return ("example workspace", Directory.GetFiles(folder, "*.cachespec.yaml")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal));
        yield return ("every item alone", ItemsAlone(
            Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)));
        // The keys of format v1.1 (peerings, on-premises networks, private DNS zones, clients, Azure Managed Redis,
        // requirements): their references cross items as the others do.
        var v11 = Path.Combine(RepositoryPaths.Cases, "format", "v1.1.yaml");
        yield return ("format v1.1, every item alone", ItemsAlone([v11]));
        yield return ("format v1.1 and the example workspace",
            Directory.GetFiles(folder, "*.cachespec.yaml").Append(v11)
                .ToDictionary(path => path == v11 ? "format-v1.1.cachespec.yaml" : Path.GetFileName(path),
                    File.ReadAllText, StringComparer.Ordinal));
    }

    /// <summary>Every top-level item (network, NSG, cache, private DNS zone) of the files in a file of its own, with
    /// its document's settings.</summary>
    private static Dictionary<string, string> ItemsAlone(IEnumerable<string> paths)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var file = SpecFile.Create(path, File.ReadAllText(path));
            foreach (var document in file.Documents.Where(document => document.Root is { IsFlow: false }))
            {
                var header = Header(document);
                foreach (var entry in document.Root!.Entries)
                {
                    if (entry.Value is not SequenceSyntax { IsFlow: false } list || entry.KeyText is not { } key)
                    {
                        continue;
                    }
                    foreach (var item in list.Items)
                    {
                        var text = new StringBuilder(header).Append(key).Append(":\n")
                            .Append(Lines(document, item.Span.Start, item.Span.End)).Append('\n');
                        files[$"item-{files.Count:D3}.cachespec.yaml"] = text.ToString();
                    }
                }
            }
        }
        return files;
    }

    private static string Header(SpecDocument document) => string.Concat(document.Root!.Entries
        .Where(entry => entry.Value is not SequenceSyntax)
        .Select(entry => Lines(document, entry.Key.Span.Start, entry.Value.Span.End) + "\n"));

    /// <summary>The text from the start of the line of one offset to the end of the line of another.</summary>
    private static string Lines(SpecDocument document, int start, int end)
    {
        var text = document.File.Text;
        var from = text.GetLineStart(text.GetLineIndex(start));
        var lastLine = text.GetLineIndex(end);
        var to = text.GetLineStart(lastLine) + text.GetLineText(lastLine).Length;
        return text.Text[from..to];
    }
}

/// <summary>The words of spec texts (names, references, addresses, values) that random edits swap.</summary>
internal static class Tokens
{
    public static string[] Of(IEnumerable<string> texts) => texts
        .SelectMany(text => Spans(text).Select(span => text.Substring(span.Start, span.Length)))
        .Concat(["&anchor", "*anchor", "Premium", "Standard", "Enterprise"])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static List<Analysis.Text.TextSpan> Spans(string text)
    {
        var spans = new List<Analysis.Text.TextSpan>();
        for (var index = 0; index < text.Length;)
        {
            if (!IsTokenChar(text[index]))
            {
                index++;
                continue;
            }
            var start = index;
            while (index < text.Length && IsTokenChar(text[index]))
            {
                index++;
            }
            spans.Add(new(start, index - start));
        }
        return spans;
    }

    /// <summary>What kind of word: a reference or prefix (with a slash), a number or address, or a name.</summary>
    public static int Shape(string word) => word.Contains('/', StringComparison.Ordinal) ? 0
        : word.Length > 0 && char.IsAsciiDigit(word[0]) ? 1 : 2;

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-';
}

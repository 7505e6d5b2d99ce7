using System.Diagnostics;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Benchmarks;

/// <summary>
/// The <c>workspace</c> verb: a generated workspace of many files held by one host, as the language server holds it,
/// and the time from a keystroke in one file to the analysis of the whole workspace (parse, bind, and the incremental
/// analysis that checks the changed file and what it reaches), per workspace size.
/// </summary>
internal static class WorkspaceProfile
{
    public static void Run(int[] sizes, int cachesPerFile, int repeat)
    {
        Console.WriteLine($"{"files",6} {"lines",9} {"load ms",8} {"first analysis",15} {"index",7} " +
            $"{"keystroke: comment",19} {"cache value",12} {"cache name",11} {"network: comment",17} " +
            $"{"subnet value",13} {"items checked again",14}");
        foreach (var files in sizes)
        {
            var workspace = SpecGenerator.GenerateWorkspace(files * cachesPerFile - cachesPerFile, files);
            var lines = workspace.Sum(file => file.Text.Count(c => c == '\n'));
            var host = new AnalysisHost();
            var watch = Stopwatch.StartNew();
            foreach (var (path, text) in workspace)
            {
                host.SetText(path, path, text);
            }
            var load = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = host.Current.Analysis;
            var first = watch.Elapsed.TotalMilliseconds;
            var middle = workspace[workspace.Count / 2];
            watch.Restart();
            Toggle(host, middle.Path, middle.Text.Length, "#");
            var index = watch.Elapsed.TotalMilliseconds;
            var comment = Keystrokes(host, middle.Path, middle.Text.Length, "#", repeat, out _);
            var tierAt = middle.Text.IndexOf("tier: ", StringComparison.Ordinal) + "tier: ".Length;
            var value = Keystrokes(host, middle.Path, middle.Text.IndexOf('\n', tierAt), " ", repeat, out var valued);
            var nameAt = middle.Text.IndexOf("  - name: ", StringComparison.Ordinal);
            var name = Keystrokes(host, middle.Path, middle.Text.IndexOf('\n', nameAt), "x", repeat, out var named);
            var network = workspace[0];
            var networkComment = Keystrokes(host, network.Path, network.Text.Length, "#", repeat, out _);
            var prefixes = Enumerable.Range(0, network.Text.Length)
                .Where(at => string.CompareOrdinal(network.Text, at, "addressPrefix: ", 0, 15) == 0).ToArray();
            var prefixAt = prefixes[prefixes.Length / 2];
            var subnet = Keystrokes(host, network.Path, network.Text.IndexOf('\n', prefixAt), " ", repeat,
                out var subnetItems);
            Console.WriteLine($"{files,6} {lines,9:N0} {load,8:F0} {first,15:F1} {index,7:F1} {comment,19} " +
                $"{value,12} {name,11} {networkComment,17} {subnet,13} {$"{valued} / {named} / {subnetItems}",14}");
        }
    }

    /// <summary>Types a text at an offset and deletes it again, <paramref name="repeat"/> times each; the median and
    /// the slowest of the analyses after them, in ms.</summary>
    private static string Keystrokes(AnalysisHost host, string path, int at, string typed, int repeat,
        out int itemsChecked)
    {
        var times = new List<double>();
        itemsChecked = 0;
        for (var round = 0; round < repeat; round++)
        {
            var watch = Stopwatch.StartNew();
            host.Change(path, new TextSpan(at, 0), typed);
            _ = host.Current.Analysis;
            times.Add(watch.Elapsed.TotalMilliseconds);
            itemsChecked = Math.Max(itemsChecked, host.LastAnalysis.AffectedItems);
            watch.Restart();
            host.Change(path, new TextSpan(at, typed.Length), string.Empty);
            _ = host.Current.Analysis;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return $"{times[times.Count / 2]:F2} / {times[^1]:F1}";
    }

    private static void Toggle(AnalysisHost host, string path, int at, string typed)
    {
        host.Change(path, new TextSpan(at, 0), typed);
        _ = host.Current.Analysis;
        host.Change(path, new TextSpan(at, typed.Length), string.Empty);
        _ = host.Current.Analysis;
    }
}

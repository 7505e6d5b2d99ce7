using CacheSpec.Analysis;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using CacheSpec.Tests.Incremental;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// What a client shows after every step equals a fresh analysis of every file: the publisher looks only at the files
/// an incremental analysis says may have changed, so a file it skips must indeed be unchanged. The workspace is the
/// examples with every item in a file of its own; the steps open, edit (whole texts, words swapped), close, add from
/// disk and remove files.
/// </summary>
public class PublisherConsistencyTests
{
    [Fact]
    public void The_client_sees_a_fresh_analysis_after_every_step()
    {
        var files = SplitWorkspaces.All().Single(pair => pair.Name == "every item alone").Files
            .ToDictionary(pair => $"file:///ws/{pair.Key}", pair => pair.Value, StringComparer.Ordinal);
        var pool = Tokens.Of(files.Values);
        for (var walk = 0; walk < 12; walk++)
        {
            var random = new Random(walk);
            var workspace = new ServerWorkspace();
            var shown = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var publisher = new DiagnosticsPublisher(workspace, (uri, _, findings, _) =>
            {
                shown[uri] = Describe(ToLsp.Publication(uri, null, findings));
                return Task.CompletedTask;
            });
            var disk = new Dictionary<string, string>(files, StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(files, StringComparer.Ordinal);
            var open = new Dictionary<string, int>(StringComparer.Ordinal);
            workspace.LoadFromDisk(disk.Select(pair => (new DocumentUri(pair.Key), pair.Value)).ToArray());
            publisher.Schedule(null);
            PublishLoad(publisher, () => shown.Count >= files.Count);
            var log = new List<string>();
            for (var step = 0; step < 40; step++)
            {
                var uri = texts.Keys.ElementAt(random.Next(texts.Count));
                var choice = random.Next(10);
                if (choice < 2 && !open.ContainsKey(uri))
                {
                    open[uri] = 1;
                    workspace.Open(new DocumentUri(uri), 1, texts[uri]);
                    log.Add($"open {uri}");
                }
                else if (choice < 3 && open.Remove(uri))
                {
                    texts[uri] = disk[uri];
                    workspace.Close(new DocumentUri(uri), disk[uri]);
                    log.Add($"close {uri}");
                }
                else if (choice < 4 && !open.ContainsKey(uri) && texts.Count > 2)
                {
                    texts.Remove(uri);
                    disk.Remove(uri);
                    workspace.RemoveFromDisk(new DocumentUri(uri));
                    log.Add($"delete {uri}");
                }
                else if (open.TryGetValue(uri, out var version))
                {
                    var text = texts[uri];
                    var tokens = Tokens.Spans(text);
                    var token = tokens[random.Next(tokens.Count)];
                    texts[uri] = text[..token.Start] + pool[random.Next(pool.Length)] + text[token.End..];
                    open[uri] = version + 1;
                    workspace.Change(new DocumentUri(uri), version + 1,
                        [new TextDocumentContentChangeEvent(texts[uri])]);
                    log.Add($"edit {uri}");
                }
                else
                {
                    continue;
                }
                // The workspace is small: the change is published at once, on this thread.
                publisher.Schedule(new DocumentUri(uri));
                var fresh = SpecAnalyzer.Analyze(texts.Select(pair => (pair.Key, pair.Value)));
                foreach (var (path, _) in texts)
                {
                    var expected = Describe(ToLsp.Publication(path, null, fresh.For(path)));
                    Assert.True(shown.TryGetValue(path, out var actual) && expected.SequenceEqual(actual),
                        $"walk {walk}, {path} after\n  {string.Join("\n  ", log)}\nexpected\n  " +
                            $"{string.Join("\n  ", expected)}\nshown\n  {string.Join("\n  ", actual ?? [])}");
                }
                foreach (var (path, findings) in shown.Where(pair => !texts.ContainsKey(pair.Key)))
                {
                    Assert.Empty(findings);
                }
            }
        }
    }

    /// <summary>Runs the publishing loop until the load is published (10 s at most), then stops it.</summary>
    private static void PublishLoad(DiagnosticsPublisher publisher, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var loop = publisher.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }
        stop.Cancel();
        try
        {
            loop.Wait();
        }
        catch (AggregateException)
        {
        }
    }

    private static string[] Describe(PublishDiagnosticsParams publication) =>
        publication.Diagnostics.Select(d => $"{d.Range} {d.Code} {d.Severity} {d.Message}").ToArray();
}

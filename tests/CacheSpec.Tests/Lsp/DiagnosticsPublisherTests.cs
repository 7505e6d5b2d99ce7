using CacheSpec.Benchmarks;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Lsp;

/// <summary>When a change is published: at once, on the thread that applied it, or by the publishing loop.</summary>
public class DiagnosticsPublisherTests
{
    private const string UriText = "file:///tmp/publisher.cachespec.yaml";
    private static readonly DocumentUri Uri = new(UriText);

    /// <summary>A Basic cache with a Premium size, and no isolation named.</summary>
    private static readonly string SmallSpec = Specs.Header
        + "caches:\n  - name: a\n    tier: Basic\n    size: P1\n    isolation:\n      publicNetworkAccess: Enabled\n";

    private static (ServerWorkspace Workspace, DiagnosticsPublisher Publisher,
        List<PublishDiagnosticsParams> Sent) Create(TimeSpan delay)
    {
        var workspace = new ServerWorkspace();
        var sent = new List<PublishDiagnosticsParams>();
        var publisher = new DiagnosticsPublisher(workspace, (uri, version, findings, _) =>
        {
            lock (sent)
            {
                sent.Add(ToLsp.Publication(uri, version, findings));
            }
            return Task.CompletedTask;
        })
        { Delay = delay };
        return (workspace, publisher, sent);
    }

    /// <summary>
    /// Runs the publishing loop until it has sent something (15 s at most), then lets it finish what is queued.
    /// </summary>
    private static async Task RunLoopUntilPublishedAsync(DiagnosticsPublisher publisher,
        List<PublishDiagnosticsParams> sent)
    {
        using var stop = new CancellationTokenSource();
        var loop = publisher.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && sent.Count == 0)
        {
            await Task.Delay(10);
        }
        publisher.Complete();
        await loop;
    }

    [Fact]
    public void There_is_no_delay_unless_the_client_asks_for_one()
    {
        Assert.Equal(TimeSpan.Zero,
            new DiagnosticsPublisher(new ServerWorkspace(), (_, _, _, _) => Task.CompletedTask).Delay);
    }

    [Fact]
    public void Without_a_delay_a_change_to_a_small_workspace_is_published_before_Schedule_returns()
    {
        var (workspace, publisher, sent) = Create(TimeSpan.Zero);
        workspace.Open(Uri, 1, SmallSpec);
        // No publishing loop runs: only the caller's thread can have published.
        publisher.Schedule(Uri);
        var publication = Assert.Single(sent);
        Assert.Equal((UriText, 1), (publication.Uri, publication.Version));
        Assert.Contains("invalid-size-for-tier", publication.Diagnostics.Select(diagnostic => diagnostic.Code));
        Assert.Equal(Specs.Analyze(SmallSpec).Codes(), publication.Diagnostics.Select(diagnostic => diagnostic.Code));
    }

    [Fact]
    public async Task A_large_workspace_a_delay_or_a_change_to_the_files_alone_go_to_the_publishing_loop()
    {
        var large = SpecGenerator.Generate(200);
        Assert.True(large.Length > DiagnosticsPublisher.PublishAtOnceLimit);
        foreach (var (delay, text, changed) in new[] { (TimeSpan.Zero, large, Uri),
            (TimeSpan.FromMilliseconds(1), SmallSpec, Uri), (TimeSpan.Zero, SmallSpec, null) })
        {
            var (workspace, publisher, sent) = Create(delay);
            workspace.Open(Uri, 1, text);
            publisher.Schedule(changed);
            Assert.Empty(sent);
            await RunLoopUntilPublishedAsync(publisher, sent);
            Assert.Equal(UriText, Assert.Single(sent).Uri);
        }
    }

    [Fact]
    public async Task An_analysis_that_a_newer_change_made_stale_is_not_published()
    {
        var large = SpecGenerator.Generate(200);
        var (workspace, publisher, sent) = Create(TimeSpan.Zero);
        workspace.Open(Uri, 1, large);
        var typedDuringTheAnalysis = false;
        publisher.AnalysisDone = () =>
        {
            if (!typedDuringTheAnalysis)
            {
                typedDuringTheAnalysis = true;
                workspace.Change(Uri, 2, new[] { new TextDocumentContentChangeEvent(large + "# typed\n") });
                publisher.Schedule(Uri);
            }
        };
        publisher.Schedule(Uri);
        await RunLoopUntilPublishedAsync(publisher, sent);
        Assert.True(typedDuringTheAnalysis);
        Assert.Equal((UriText, 2), (Assert.Single(sent).Uri, Assert.Single(sent).Version));
    }
}

using System.Text.RegularExpressions;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Workspace;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Lsp;

/// <summary>
/// The workspace load: files read on every core still come, and are complained about, in the finder's order; the log
/// times each stage; work-done progress begins at 0% and reports only percentages that grow.
/// </summary>
public sealed class WorkspaceLoadTests
{
    [Fact]
    public async Task The_load_logs_how_long_each_stage_took_and_ends_its_progress()
    {
        await using var server = new InProcessServer();
        await server.InitializeAsync(Path.Combine(RepositoryPaths.Examples, "workspace"));
        var line = await server.WaitForLogAsync(message => message.StartsWith("Loaded", StringComparison.Ordinal));

        Assert.Matches(new Regex(@"^Loaded 3 spec files from 1 workspace folder in \d+ ms: find \d+ ms, read \d+ ms, "
            + @"configuration \d+ ms, parse and bind \d+ ms, analysis \d+ ms\.$"), line);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!server.Progress.Any(progress => (string)progress["value"]!["kind"]! == "end")
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var kinds = server.Progress.Select(progress => (string)progress["value"]!["kind"]!).ToArray();
        Assert.Equal("begin", kinds[0]);
        Assert.Equal(0, (int)server.Progress[0]["value"]!["percentage"]!);
        Assert.Equal("end", kinds[^1]);
        var percentages = server.Progress.Skip(1).SkipLast(1).Select(progress =>
            (int)progress["value"]!["percentage"]!).ToArray();
        Assert.Equal(percentages.Order(), percentages);
        Assert.All(percentages, percentage => Assert.InRange(percentage, 1, 100));
    }

    [Fact]
    public void Files_read_on_every_core_come_and_are_complained_about_in_the_finders_order()
    {
        using var folder = new TempFolder();
        var names = Enumerable.Range(0, 40).Select(index => $"d{index % 3}/f{index:D2}.cachespec.yaml").ToArray();
        foreach (var (name, index) in names.Select((name, index) => (name, index)))
        {
            if (index % 5 == 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.Path, name))!);
                File.WriteAllBytes(Path.Combine(folder.Path, name), new byte[] { 0x61, 0xFF, 0xFE, 0x0A });
            }
            else
            {
                folder.Write(name, Specs.ManyCaches(index % 4 + 1));
            }
        }
        var logged = new List<string>();
        var load = new WorkspaceLoad();
        var read = 0;
        load.Advanced = (_, _) => Interlocked.Increment(ref read);

        var files = WorkspaceScanner.Scan(new[] { folder.Path }, (message, _) => logged.Add(message), load);

        var sorted = names.Select(name => Path.Combine(folder.Path, name)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sorted.Where((_, index) => !Broken(sorted[index])).Select(ToLsp.Uri),
            files.Select(file => file.Uri.Text));
        Assert.Equal(sorted.Where(Broken).Select(path => $"Skipped {path}: it is not UTF-8 text."), logged);
        Assert.Equal(names.Length, read);
        Assert.Equal(names.Length, load.Files);

        bool Broken(string path) => File.ReadAllBytes(path) is [0x61, 0xFF, ..];
    }

    [Fact]
    public void The_percentage_grows_with_the_files_read_and_bound_and_the_summary_names_every_stage()
    {
        var load = new WorkspaceLoad { Files = 4 };
        var reported = new List<(int Percentage, string Message)>();
        load.Advanced = (percentage, message) => reported.Add((percentage, message));
        load.EndStage("find");
        for (var i = 0; i < 4; i++)
        {
            load.FileRead();
        }
        load.EndStage("read");
        for (var i = 0; i < 4; i++)
        {
            load.FileBound();
        }
        load.EndStage("parse and bind");
        load.Analysing();

        Assert.Equal(new[] { 2, 5, 7, 10, 30, 50, 70, 90, 90 }, reported.Select(report => report.Percentage));
        Assert.Equal("reading 1/4 files", reported[0].Message);
        Assert.Equal("parsing 4/4 files", reported[7].Message);
        Assert.Matches(new Regex(@"^Loaded 4 spec files from 2 workspace folders in \d+ ms: find \d+ ms, "
            + @"read \d+ ms, parse and bind \d+ ms\.$"), load.Summary(4, 2));
        Assert.StartsWith("Loaded 1 spec file from 1 workspace folder in ", load.Summary(1, 1),
            StringComparison.Ordinal);
    }
}

using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Incremental;

/// <summary>
/// The invariant of the incremental analysis: after any sequence of edits, additions and removals of files, a host's
/// analysis (computed from the one before it) equals a fresh analysis of the same texts, finding for finding. The
/// workspaces are the examples with every network, NSG and cache in a file of its own (so every reference crosses
/// files), and the example workspace as written; the edits swap names, addresses and values between items, break and
/// mend the YAML, shift lines, and copy, remove and restore files.
/// </summary>
public class IncrementalAnalysisTests
{
    /// <summary>Walks per workspace; a longer run: CACHESPEC_INCREMENTAL_WALKS=2000.</summary>
    private static readonly int Walks =
        int.TryParse(Environment.GetEnvironmentVariable("CACHESPEC_INCREMENTAL_WALKS"), out var walks) ? walks : 150;
    private const int StepsPerWalk = 25;

    [Fact]
    public void Every_analysis_equals_a_fresh_one_after_random_edits()
    {
        var incremental = 0;
        var steps = 0;
        foreach (var (name, workspace) in SplitWorkspaces.All())
        {
            for (var walk = 0; walk < Walks; walk++)
            {
                incremental += Walk(name, workspace, new Random(walk * 7919 + name.Length), out var taken);
                steps += taken;
            }
        }
        // Most steps must take the incremental path, or this test proves nothing about it.
        Assert.True(incremental * 2 > steps, $"only {incremental} of {steps} analyses were incremental");
    }

    [Fact]
    public void An_edit_in_one_file_of_many_checks_only_what_it_reaches()
    {
        var workspace = SplitWorkspaces.All().Single(pair => pair.Name == "every item alone").Files;
        var host = new AnalysisHost();
        foreach (var (path, text) in workspace)
        {
            host.SetText(path, path, text);
        }
        _ = host.Current.Analysis;
        var (path0, text0) = workspace.First(pair => pair.Value.Contains("caches:", StringComparison.Ordinal));
        var at = text0.IndexOf("caches:", StringComparison.Ordinal);
        host.Change(path0, new TextSpan(at, 0), "# a comment\n");
        var before = host.Current.Analysis;
        Assert.False(host.LastAnalysis.Fresh);
        Assert.Equal(1, host.LastAnalysis.ChangedFiles);
        Assert.True(host.LastAnalysis.AffectedItems < workspace.Count / 2,
            $"{host.LastAnalysis.AffectedItems} items of {workspace.Count} files checked again");
        Assert.NotNull(before);
    }

    /// <summary>Walks one workspace through random steps; returns how many analyses were incremental.</summary>
    private static int Walk(string name, IReadOnlyDictionary<string, string> start, Random random, out int steps)
    {
        var texts = new SortedDictionary<string, string>(start.ToDictionary(), StringComparer.Ordinal);
        var removed = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new AnalysisHost();
        foreach (var (path, text) in texts)
        {
            host.SetText(path, path, text);
        }
        _ = host.Current.Analysis;
        var pool = Tokens.Of(start.Values);
        var log = new List<string>();
        var incremental = 0;
        for (steps = 0; steps < StepsPerWalk; steps++)
        {
            log.Add(Step(host, texts, removed, pool, random));
            var found = host.Current.Analysis.Diagnostics.Select(Describe).ToArray();
            if (!host.LastAnalysis.Fresh)
            {
                incremental++;
            }
            var freshResult = SpecAnalyzer.Analyze(texts.Select(pair => (pair.Key, pair.Value)));
            var fresh = freshResult.Diagnostics.Select(Describe).ToArray();
            var facts = ModelFacts(host.Current.Model);
            var freshFacts = ModelFacts(freshResult.Model);
            if (!facts.SequenceEqual(freshFacts))
            {
                Assert.Fail($"{name}, the model after:\n  {string.Join("\n  ", log)}\nfresh only:\n  " +
                    string.Join("\n  ", freshFacts.Except(facts)) + "\nmended only:\n  " +
                    string.Join("\n  ", facts.Except(freshFacts)));
            }
            if (!fresh.SequenceEqual(found))
            {
                Assert.Fail($"{name}, after:\n  {string.Join("\n  ", log)}\nfresh only:\n  " +
                    string.Join("\n  ", fresh.Except(found)) + "\nincremental only:\n  " +
                    string.Join("\n  ", found.Except(fresh)));
            }
        }
        return incremental;
    }

    private static string Step(AnalysisHost host, SortedDictionary<string, string> texts,
        Dictionary<string, string> removed, string[] pool, Random random)
    {
        var paths = texts.Keys.ToArray();
        var path = paths[random.Next(paths.Length)];
        var text = texts[path];
        var choice = random.Next(100);
        if (choice < 4 && texts.Count > 1)
        {
            texts.Remove(path);
            removed[path] = text;
            host.Remove(path);
            return $"removed {path}";
        }
        if (choice < 8 && removed.Count > 0)
        {
            var (back, backText) = removed.First();
            removed.Remove(back);
            texts[back] = backText;
            host.SetText(back, back, backText);
            return $"restored {back}";
        }
        if (choice < 11)
        {
            var copy = $"copy-{random.Next(1000)}-{Path.GetFileName(path)}";
            texts[copy] = text;
            host.SetText(copy, copy, text);
            return $"copied {path} to {copy}";
        }
        var (span, inserted) = Edit(text, pool, random, choice);
        texts[path] = text[..span.Start] + inserted + text[span.End..];
        host.Change(path, span, inserted);
        return $"{path} [{span.Start}..{span.End}) -> '{inserted.Replace("\n", "\\n", StringComparison.Ordinal)}'";
    }

    /// <summary>One edit of a text: a token swapped for one of the pool, a character typed or deleted, a line
    /// deleted or duplicated, or a new line at the start.</summary>
    private static (TextSpan Span, string Text) Edit(string text, string[] pool, Random random, int choice)
    {
        var tokens = Tokens.Spans(text);
        if (choice < 60 && tokens.Count > 0)
        {
            // Mostly a word of the same shape (a reference for a reference, a name for a name), which keeps the YAML
            // whole and moves what refers to what; sometimes any word.
            var token = tokens[random.Next(tokens.Count)];
            var word = text.Substring(token.Start, token.Length);
            var alike = random.Next(10) < 7 ? pool.Where(other => Tokens.Shape(other) == Tokens.Shape(word)).ToArray()
                : pool;
            return (token, alike[random.Next(alike.Length)]);
        }
        var at = random.Next(text.Length + 1);
        if (choice < 70)
        {
            return (new TextSpan(at, 0), new[] { "x", " ", ":", "-", "\n", "#", "'" }[random.Next(7)]);
        }
        if (choice < 78 && text.Length > 0)
        {
            var start = Math.Min(at, text.Length - 1);
            return (new TextSpan(start, Math.Min(1 + random.Next(3), text.Length - start)), string.Empty);
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        if (at == 0)
        {
            lineStart = 0;
        }
        var lineEnd = text.IndexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
        return choice switch
        {
            < 88 => (new TextSpan(lineStart, lineEnd - lineStart), string.Empty),
            < 96 => (new TextSpan(lineStart, 0), text[lineStart..lineEnd]),
            _ => (new TextSpan(0, 0), "\n"),
        };
    }

    /// <summary>What the model answers about names: the first declaration of each, and what each subnet
    /// holds.</summary>
    private static string[] ModelFacts(WorkspaceModel model)
    {
        static string At(SpecDocument document, Analysis.Syntax.SyntaxNode node) =>
            $"{document.File.Path}@{node.Span.Start}";
        var facts = new List<string>();
        foreach (var cache in model.Caches.Where(cache => cache.Name is not null))
        {
            var first = model.FindCache(cache.Name!.Value)!;
            facts.Add($"cache {cache.Name.Value} first at {At(first.Document, first.Syntax)}");
            foreach (var endpoint in cache.PrivateEndpoints.Where(endpoint => endpoint.Name is not null))
            {
                var firstEndpoint = model.FindPrivateEndpoint(endpoint.Name!.Value)!;
                facts.Add($"endpoint {endpoint.Name.Value} first at " +
                    At(firstEndpoint.Cache.Document, firstEndpoint.Syntax));
            }
        }
        foreach (var subnet in model.Subnets)
        {
            facts.Add($"subnet {subnet.QualifiedName}: injected " + string.Join(", ",
                model.CachesInjectedInto(subnet).Select(cache => At(cache.Document, cache.Syntax))) + "; endpoints " +
                string.Join(", ", model.PrivateEndpointsIn(subnet).Select(e => At(e.Cache.Document, e.Syntax))));
        }
        return facts.Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    private static string Describe(Diagnostic d) => $"{d.Path} {d.Span} {d.Code} {d.Severity} {d.Message}";
}

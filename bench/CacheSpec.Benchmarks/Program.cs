using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Benchmarks;

/// <summary>
/// Verbs:
///   generate --caches N [--files K] [--out DIR] [--seed S] [--guidance 2020-10|current]
///       write a generated workspace
///   generate --shape pathological --bytes B [--out DIR]
///       write one file of every shape that makes a careless analysis quadratic (PathologicalSpecs)
///   generate --shape NAME --count N [--out DIR]
///       write one such shape alone
///   verify [--sizes 10,100,1000,5000] [--files K] [--guidance G]
///       analyse generated workspaces, count findings
///   profile [--sizes 1000,5000] [--repeat R] [--stages-only true]
///       time each stage and each rule alone (Stopwatch)
///   workspace [--files 100,2000,10000] [--caches-per-file 5] [--repeat 15]
///       a keystroke in one file of a many-file workspace, to the analysis of the whole workspace (Stopwatch)
///   bench [BenchmarkDotNet arguments]
///       run the stage benchmarks (e.g. --job short --filter '*')
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "generate" => Generate(new Options(rest)),
                "verify" => Verify(new Options(rest)),
                "profile" => Profile(new Options(rest)),
                "workspace" => Workspace(new Options(rest)),
                "bench" => Bench(rest),
                _ => Usage(),
            };
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine(
            "usage: generate --caches N [--files K] [--out DIR] [--seed S] [--guidance 2020-10|current]");
        Console.Error.WriteLine("       generate --shape pathological --bytes B [--out DIR]");
        Console.Error.WriteLine(
            $"       generate --shape {string.Join('|', PathologicalSpecs.Shapes.Select(s => s.Name))} --count N");
        Console.Error.WriteLine("       verify [--sizes 10,100,1000,5000] [--files K] [--guidance 2020-10|current]");
        Console.Error.WriteLine("       profile [--sizes 1000,5000] [--repeat R] [--stages-only true]");
        Console.Error.WriteLine("       bench [BenchmarkDotNet arguments, e.g. --job short --filter '*']");
        return 2;
    }

    private static int Workspace(Options options)
    {
        WorkspaceProfile.Run(options.Sizes("files") ?? [100, 2000, 10000], options.Int("caches-per-file") ?? 5,
            options.Int("repeat") ?? 15);
        return 0;
    }

    private static int Bench(string[] args)
    {
        BenchmarkSwitcher.FromTypes(new[] { typeof(StageBenchmarks) }).Run(args);
        return 0;
    }

    private static int Generate(Options options)
    {
        if (options.Text("shape") is { } shape)
        {
            return GenerateShape(options, shape);
        }
        var caches = options.Int("caches") ?? throw new ArgumentException("generate needs --caches N");
        var files = options.Int("files") ?? 1;
        var output = options.Text("out") ?? ".";
        var workspace = SpecGenerator.GenerateWorkspace(caches, files, options.Int("seed") ?? SpecGenerator.DefaultSeed,
            options.Text("guidance") ?? SpecGenerator.DefaultGuidance);
        Directory.CreateDirectory(output);
        foreach (var (path, text) in workspace)
        {
            var target = Path.Combine(output, path);
            File.WriteAllText(target, text);
            Console.WriteLine($"{target}: {LineCount(text)} lines, {text.Length} characters");
        }
        return 0;
    }

    private static int GenerateShape(Options options, string shape)
    {
        string text;
        if (shape == "pathological")
        {
            text = PathologicalSpecs.Combined(options.Int("bytes") ?? throw new ArgumentException(
                "--shape pathological needs --bytes B"));
        }
        else
        {
            var generate = PathologicalSpecs.Shapes.FirstOrDefault(s => s.Name == shape).Generate
                ?? throw new ArgumentException($"Unknown shape '{shape}'.");
            text = generate(options.Int("count") ?? throw new ArgumentException($"--shape {shape} needs --count N"));
        }
        var output = options.Text("out") ?? ".";
        Directory.CreateDirectory(output);
        var target = Path.Combine(output, $"{shape}.cachespec.yaml");
        File.WriteAllText(target, text);
        Console.WriteLine($"{target}: {LineCount(text)} lines, {text.Length} characters");
        return 0;
    }

    private static int Verify(Options options)
    {
        var sizes = options.Sizes("sizes") ?? new[] { 10, 100, 1000, 5000 };
        var files = options.Int("files") ?? 4;
        var guidance = options.Text("guidance") ?? SpecGenerator.DefaultGuidance;
        var failures = 0;
        foreach (var caches in sizes)
        {
            var text = SpecGenerator.Generate(caches, guidance: guidance);
            var lines = LineCount(text);
            var watch = Stopwatch.StartNew();
            var single = SpecAnalyzer.Analyze(new[] { ("bench.cachespec.yaml", text) });
            var elapsed = watch.Elapsed;
            Console.WriteLine(
                $"== {caches} caches: {lines} lines ({(double)lines / caches:F1} per cache), {text.Length} " +
                $"characters; analysed in {elapsed.TotalMilliseconds:F0} ms (first run, includes JIT)");
            var counts = CountByCode(single.Diagnostics);
            foreach (var ((severity, code), count) in counts)
            {
                Console.WriteLine($"   {severity,-7} {code,-40} {count,6}");
            }
            if (counts.Count == 0)
            {
                Console.WriteLine("   (no findings)");
            }

            var expected = SpecGenerator.ExpectedErrors(caches, guidance: guidance);
            var actual = counts.Where(entry => entry.Key.Severity == DiagnosticSeverity.Error)
                .ToDictionary(entry => entry.Key.Code, entry => entry.Value, StringComparer.Ordinal);
            var mismatches = expected.Keys.Union(actual.Keys)
                .Where(code => expected.GetValueOrDefault(code) != actual.GetValueOrDefault(code))
                .Select(code =>
                    $"{code}: expected {expected.GetValueOrDefault(code)}, got {actual.GetValueOrDefault(code)}")
                .ToArray();
            var mistakes = SpecGenerator.Mistakes(caches);
            Console.WriteLine(
                $"   planted mistakes: {mistakes.Count} " +
                $"({string.Join(", ", mistakes.GroupBy(m => m.Kind).Select(g => $"{g.Key} {g.Count()}"))})");
            if (mismatches.Length > 0)
            {
                failures++;
                Console.WriteLine($"   MISMATCH with the planted mistakes: {string.Join("; ", mismatches)}");
            }
            else
            {
                Console.WriteLine("   errors match the planted mistakes exactly");
            }

            if (files > 1 && files - 1 <= caches)
            {
                var workspace = SpecGenerator.GenerateWorkspace(caches, files, guidance: guidance);
                var split = SpecAnalyzer.Analyze(workspace);
                var splitCounts = CountByCode(split.Diagnostics);
                var same = splitCounts.Count == counts.Count
                    && splitCounts.All(entry => counts.GetValueOrDefault(entry.Key) == entry.Value);
                Console.WriteLine(
                    $"   {files} files " +
                    $"({string.Join(", ", workspace.Select(file => $"{file.Path} {LineCount(file.Text)}"))}): " +
                    (same ? "same findings by code" : "DIFFERENT findings by code: " +
                        string.Join(", ", splitCounts.Select(entry => $"{entry.Key.Code} {entry.Value}"))));
                if (!same)
                {
                    failures++;
                }
            }
        }
        Console.WriteLine(failures == 0 ? "verify: OK" : $"verify: {failures} problem(s)");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// Times each stage, then each rule alone (with the workspace model it builds), on the one-file workspace: the
    /// fastest and the median of several runs after a warm-up, and the bytes one run allocates. The sizes are measured
    /// in turn within each stage, so load from other processes falls on all of them alike; the fastest run is the
    /// figure least disturbed by it. A quick look for hotspots; the bench verb gives the careful numbers.
    /// </summary>
    private static int Profile(Options options)
    {
        var sizes = options.Sizes("sizes") ?? new[] { 1000, 5000 };
        var repeat = options.Int("repeat") ?? 9;
        const string path = "bench.cachespec.yaml";
        var texts = sizes.Select(caches => SpecGenerator.Generate(caches)).ToArray();
        var parsed = texts.Select(text => new[] { SpecFile.Create(path, text) }).ToArray();
        var keystrokes = parsed.Select(file => Keystroke.InMiddle(file[0].Syntax)).ToArray();
        var endKeystrokes = parsed.Select(file => Keystroke.AtEnd(file[0].Syntax)).ToArray();
        // One host per size, as an editor keeps one per workspace: what an analysis keeps for the next carries over
        // between runs.
        var hosts = sizes.Select(_ => new AnalysisHost()).ToArray();

        var stages = new (string Name, Func<int, object> Run)[]
        {
            ("YamlDotNet events", i =>
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(texts[i]));
                var events = 0;
                while (parser.MoveNext())
                {
                    events++;
                }
                return events;
            }),
            ("SyntaxTree.Parse", i => Analysis.Syntax.SyntaxTree.Parse(new Analysis.Text.SourceText(texts[i]))),
            ("SpecFile.Create (parse+bind+validate)", i => SpecFile.Create(path, texts[i])),
            ("model only (no rules)", i => hosts[i].Analyze(hosts[i].Model(parsed[i]), Array.Empty<Rule>())),
            ("model + all rules", i => hosts[i].Analyze(parsed[i])),
            ("full analysis (text in)", i => SpecAnalyzer.Analyze(new[] { (path, texts[i]) })),
            ("keystroke mid-file: text + splice", i => keystrokes[i].Tree()),
            ("keystroke mid-file: edit + bind",
                i => SpecFile.Create(path, keystrokes[i].Tree(), previous: parsed[i][0])),
            ("keystroke mid-file: edit + bind + rules",
                i => hosts[i].Analyze(new[] { hosts[i].File(path, keystrokes[i].Tree(), previous: parsed[i][0]) })),
            ("keystroke at the end: edit + bind",
                i => SpecFile.Create(path, endKeystrokes[i].Tree(), previous: parsed[i][0])),
            ("keystroke at the end: edit + bind + rules",
                i => hosts[i].Analyze(new[] { hosts[i].File(path, endKeystrokes[i].Tree(), previous: parsed[i][0]) })),
        };
        var header = string.Join(" ", sizes.Select(size => $"{size + " min",9} {size + " med",9} {size + " KB",9}"));
        var growth = sizes.Length >= 2 ? $"  x{sizes[^1]}/{sizes[^2]}: min   med alloc" : string.Empty;
        Console.WriteLine($"{"stage (ms)",-40} {header}{growth}");
        foreach (var (name, run) in stages)
        {
            Console.WriteLine(Row(name, MeasureSizes(sizes.Length, repeat, run)));
        }

        if (options.Text("stages-only") == "true")
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine($"{"one rule + model (ms)",-40} {header}{growth}");
        var rules = RuleCatalog.All
            .Select(rule =>
                (rule.Id, Values: MeasureSizes(sizes.Length, repeat,
                    i => hosts[i].Analyze(hosts[i].Model(parsed[i]), new[] { rule }))))
            .OrderByDescending(entry => entry.Values[^1].Min)
            .ToArray();
        foreach (var (id, values) in rules)
        {
            Console.WriteLine(Row(id, values));
        }

        // A workspace in the middle of an edit: every reference to an "endpoints" subnet (private endpoints, NSG rules)
        // names a subnet that does not exist, as after renaming it in the network file; each unresolved reference looks
        // for a "did you mean" among all subnets.
        Console.WriteLine();
        var unresolved = new[] { RuleCatalog.Find("unresolved-reference")! };
        var broken = texts.Select(text =>
            new[] { SpecFile.Create(path,
                text.Replace("/endpoints\n", "/endpoint-subnet\n", StringComparison.Ordinal)) }).ToArray();
        Console.WriteLine("every endpoints-subnet reference broken: " + string.Join(", ",
            sizes.Select((size, i) =>
                $"{SpecAnalyzer.Analyze(broken[i], unresolved).Diagnostics.Count} unresolved references at {size} " +
                "caches")));
        Console.WriteLine($"{"",-40} {header}{growth}");
        Console.WriteLine(
            Row("unresolved-reference",
                MeasureSizes(sizes.Length, Math.Min(repeat, 3), i => SpecAnalyzer.Analyze(broken[i], unresolved))));
        return 0;

        static string Row(string name, IReadOnlyList<(double Min, double Median, long Bytes)> values)
        {
            var cells = string.Join(" ",
                values.Select(value => $"{value.Min,9:F2} {value.Median,9:F2} {value.Bytes / 1024.0,9:F0}"));
            var ratio = values.Count >= 2 && values[^2].Min > 0
                ? $"  {values[^1].Min / values[^2].Min,12:F2} {values[^1].Median / values[^2].Median,5:F2} " +
                    $"{(double)values[^1].Bytes / Math.Max(1, values[^2].Bytes),5:F2}"
                : string.Empty;
            return $"{name,-40} {cells}{ratio}";
        }
    }

    /// <summary>
    /// Runs an action for each size index, three times as a warm-up and then <paramref name="repeat"/> rounds with
    /// every size in turn, each run from a collected heap (as BenchmarkDotNet does between iterations); per size: the
    /// fastest and the median time in ms, and the bytes one run allocates on this thread.
    /// </summary>
    private static (double Min, double Median, long Bytes)[] MeasureSizes(int sizes, int repeat,
        Func<int, object> action)
    {
        var times = new double[sizes][];
        var bytes = new long[sizes];
        for (var i = 0; i < sizes; i++)
        {
            times[i] = new double[repeat];
            for (var warmup = 0; warmup < 3; warmup++)
            {
                GC.KeepAlive(action(i));
            }
        }
        for (var round = 0; round < repeat; round++)
        {
            for (var i = 0; i < sizes; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                // Every thread's allocations: parsing, binding and the rules also run on a second core above 64 KB.
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                GC.KeepAlive(action(i));
                times[i][round] = watch.Elapsed.TotalMilliseconds;
                bytes[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }
        return times.Select((runs, i) =>
        {
            Array.Sort(runs);
            return (runs[0], runs[runs.Length / 2], bytes[i]);
        }).ToArray();
    }

    private static SortedDictionary<(DiagnosticSeverity Severity, string Code), int> CountByCode(
        IEnumerable<Diagnostic> diagnostics)
    {
        var counts = new SortedDictionary<(DiagnosticSeverity Severity, string Code), int>();
        foreach (var diagnostic in diagnostics)
        {
            var key = (diagnostic.Severity, diagnostic.Code);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static int LineCount(string text) =>
        text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);

    /// <summary>"--name value" pairs.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public Options(string[] args)
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"Unexpected argument '{args[i]}' (options are --name value).");
                }
                values[args[i][2..]] = args[++i];
            }
        }

        public string? Text(string name) => values.GetValueOrDefault(name);

        public int? Int(string name) => values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} needs a positive whole number, not '{text}'.")
            : null;

        public int[]? Sizes(string name) =>
            Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
                int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException(
                    $"--{name} needs positive whole numbers separated by commas, not '{part}'."))
            .ToArray();
    }
}

using BenchmarkDotNet.Attributes;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Benchmarks;

/// <summary>
/// The engine's stages on a one-file generated workspace, from the bare YAML event stream (the floor, and the baseline
/// of the Ratio column) up to the full analysis; the last benchmark runs only the model and the rules on a file parsed
/// beforehand. Min and Median are shown beside the Mean: on a shared machine they are the figures least disturbed by
/// other work.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class StageBenchmarks
{
    private const string Path = "bench.cachespec.yaml";
    private string text = string.Empty;
    private SpecFile[] parsed = Array.Empty<SpecFile>();
    private Keystroke? keystroke;
    private Keystroke? endKeystroke;

    /// <summary>
    /// One host for the run, as an editor keeps one per workspace: what an analysis keeps for the next carries over.
    /// </summary>
    private AnalysisHost? host;

    [Params(10, 100, 1000, 5000)]
    public int Caches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = SpecGenerator.Generate(Caches);
        parsed = new[] { SpecFile.Create(Path, text) };
        host = new AnalysisHost();
        keystroke = Keystroke.InMiddle(parsed[0].Syntax);
        endKeystroke = Keystroke.AtEnd(parsed[0].Syntax);
    }

    /// <summary>YamlDotNet's parser alone, reading every event: what any YAML-based tool pays.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetEvents()
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }
        return events;
    }

    /// <summary>The positioned syntax tree (line index and nodes with spans).</summary>
    [Benchmark]
    public SyntaxTree SyntaxTreeParse() => SyntaxTree.Parse(new SourceText(text));

    /// <summary>Parse, bind to the model types, and validate against the format definition.</summary>
    [Benchmark]
    public SpecFile SpecFileCreate() => SpecFile.Create(Path, text);

    /// <summary>
    /// Everything the CLI and the server do for one file: parse, bind, build the workspace model, run every rule.
    /// </summary>
    [Benchmark]
    public AnalysisResult AnalyzeFull() => SpecAnalyzer.Analyze(new[] { (Path, text) });

    /// <summary>
    /// The workspace model and every rule, on a file parsed in setup (what a host pays when it keeps unchanged files).
    /// </summary>
    [Benchmark]
    public AnalysisResult RulesOnly() => host!.Analyze(parsed);

    /// <summary>
    /// What the server does for one typed character in the middle of the file: splice the edited item, bind (reusing
    /// the format issues of the items before it, as the server does with the file before the edit), run every rule.
    /// </summary>
    [Benchmark]
    public AnalysisResult KeystrokeInMiddle() =>
        host!.Analyze(new[] { host.File(Path, keystroke!.Tree(), previous: parsed[0]) });

    /// <summary>
    /// The same for a character typed at the very end of the file (the latency harness's keystroke): every item before
    /// it is reused.
    /// </summary>
    [Benchmark]
    public AnalysisResult KeystrokeAtEnd() =>
        host!.Analyze(new[] { host.File(Path, endKeystroke!.Tree(), previous: parsed[0]) });
}

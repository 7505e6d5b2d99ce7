using CacheSpec.Analysis;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;
using CacheSpec.Benchmarks;

namespace CacheSpec.Tests.Complexity;

/// <summary>
/// Every stage of an analysis, on every shape that makes a careless analysis quadratic, doubles its input four times
/// and must do at most n log n work. Work is counted, not timed: the engine counts on a <see cref="WorkMeter"/> the
/// nodes it visits, the mapping entries it compares, the "did you mean" candidates it tries and what each rule
/// reports or iterates; parsing and the editor requests, which take no meter, are measured by the bytes they
/// allocate, which their work is proportional to.
/// </summary>
public class ComplexityTests
{
    private static readonly GuidanceRenderer Guidance = new(GuidanceIndex.Default, "file:///docs/guidance/");

    public static TheoryData<string> ShapeNames() => new(PathologicalSpecs.Shapes.Select(shape => shape.Name));

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Parsing_and_reading_a_file_grow_within_n_log_n(string shape)
    {
        var parse = new List<long>();
        var read = new List<long>();
        foreach (var text in Texts(shape))
        {
            var meter = new WorkMeter();
            var host = Host(meter);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var tree = host.Parse(new SourceText(text));
            parse.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            host.File("shape.cachespec.yaml", tree);
            read.Add(meter.Operations);
        }
        AssertWithin(("parse", parse), ("format check and binding", read));
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Every_rule_grows_within_n_log_n(string shape)
    {
        var counts = RuleCatalog.All.ToDictionary(rule => rule.Id, _ => new List<long>());
        foreach (var text in Texts(shape))
        {
            var meter = new WorkMeter();
            var host = Host(meter);
            var model = host.Model(new[] { host.File("shape.cachespec.yaml", text) });
            foreach (var rule in RuleCatalog.All)
            {
                meter.Reset();
                host.Analyze(model, new[] { rule });
                counts[rule.Id].Add(meter.Operations);
            }
        }
        AssertWithin(counts.Select(pair => (pair.Key, pair.Value)).ToArray());
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Every_editor_request_grows_within_n_log_n(string shape)
    {
        var requests = new (string Name, Func<AnalysisSnapshot, SpecFile, int, object?> Ask)[]
        {
            ("hover", (snapshot, file, offset) => snapshot.Hover(file, offset, Guidance, id => id)),
            ("completion", (snapshot, file, offset) => snapshot.Complete(file, offset, Guidance)),
            ("symbols", (_, file, _) => AnalysisSnapshot.Outline(file)),
            ("folding", (_, file, _) => AnalysisSnapshot.Folding(file)),
            ("inlay hints", (snapshot, file, _) => snapshot.InlayHints(file, new TextSpan(0, file.Text.Length))),
            ("definition", (snapshot, file, offset) => snapshot.Definition(file, offset)),
            ("references", (snapshot, file, offset) => snapshot.References(file, offset, includeDeclaration: true)),
        };
        var counts = requests.ToDictionary(request => request.Name, _ => new List<long>());
        foreach (var text in Texts(shape))
        {
            var host = Host(meter: null);
            var snapshot = host.SetText("shape", "shape.cachespec.yaml", text);
            var file = snapshot.Files["shape"];
            _ = snapshot.Analysis;
            var offset = MiddleKey(file.Text);
            foreach (var (name, ask) in requests)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                _ = ask(snapshot, file, offset);
                counts[name].Add(GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
        AssertWithin(counts.Select(pair => (pair.Key, pair.Value)).ToArray());
    }

    private static IEnumerable<string> Texts(string shape)
    {
        var generate = PathologicalSpecs.Shapes.Single(candidate => candidate.Name == shape).Generate;
        return Growth.Sizes.Select(generate);
    }

    /// <summary>One core, so that every count is made on the thread that measures it.</summary>
    private static AnalysisHost Host(WorkMeter? meter) =>
        new(new AnalysisOptions { ParallelThreshold = int.MaxValue, Meter = meter });

    /// <summary>The first character of the line in the middle of the text, where an editor's cursor might be.</summary>
    private static int MiddleKey(SourceText text)
    {
        var line = text.GetLineStart(text.LineCount / 2);
        while (line < text.Length && text.Text[line] is ' ' or '-')
        {
            line++;
        }
        return line;
    }

    private static void AssertWithin(params (string Stage, List<long> Counts)[] stages)
    {
        var problems = stages.Select(stage => Growth.Problem(stage.Stage, stage.Counts)).OfType<string>().ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }
}

using System.Collections.Immutable;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis;

/// <summary>
/// The engine's one stateful object. It holds a workspace's files (<see cref="Current"/>, an immutable snapshot swapped
/// on every change, so readers never wait), parses and binds them with its options, and analyses them; whatever an
/// analysis keeps for the next (<see cref="AnalysisMemory"/>) belongs to it, so two hosts (two workspaces, the command
/// line, two tests) never share anything. The command line uses one per check, the language server one per workspace.
/// Changes are applied one at a time.
/// </summary>
public sealed class AnalysisHost
{
    private readonly AnalysisMemory memory = new();
    private readonly IncrementalAnalyzer incremental = new();
    private readonly object gate = new();
    private AnalysisSnapshot current;

    public AnalysisHost(AnalysisOptions? options = null)
    {
        Options = options ?? AnalysisOptions.Default;
        current = new AnalysisSnapshot(this, ImmutableDictionary<string, SpecFile>.Empty, []);
    }

    public AnalysisOptions Options { get; }

    /// <summary>The files as they stand now, each under the key the caller chose (a path, a normalized URI).</summary>
    public AnalysisSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// Sets a file's whole text. <paramref name="path"/> is how findings name it; <paramref name="key"/> how the caller
    /// finds it again (two spellings of one URI share a key). The profile override replaces every document's own
    /// guidance.
    /// </summary>
    public AnalysisSnapshot SetText(string key, string path, string text, GuidanceProfile? profileOverride = null,
        RuleConfiguration? configuration = null) =>
        Swap([(key, File(path, text, profileOverride, configuration))]);

    /// <summary>
    /// Sets the whole text of many files at once (a workspace read from disk) and swaps in one snapshot: the snapshot
    /// <see cref="SetText"/> would give, called for each file in the order given (of two files under one key, the
    /// later wins). From <see cref="AnalysisOptions.ParallelThreshold"/> of text in all, the files are parsed and bound
    /// on every core, the largest first; each file's reading is its own, so the result never depends on the number of
    /// cores. <paramref name="bound"/>, when given, is called once a file is bound, by the thread that bound it.
    /// </summary>
    public AnalysisSnapshot SetTexts(
        IReadOnlyList<(string Key, string Path, string Text, RuleConfiguration? Configuration)> files,
        Action? bound = null)
    {
        var read = new SpecFile[files.Count];
        void Bind(int index)
        {
            var (_, path, text, configuration) = files[index];
            read[index] = File(path, text, configuration: configuration);
            bound?.Invoke();
        }
        if (files.Sum(file => (long)file.Text.Length) >= Options.ParallelThreshold && files.Count > 1)
        {
            // Largest first, so that a large file does not start last and leave the other cores idle.
            var order = Enumerable.Range(0, files.Count).OrderByDescending(index => files[index].Text.Length).ToArray();
            Parallel.For(0, order.Length, index => Bind(order[index]));
        }
        else
        {
            for (var index = 0; index < files.Count; index++)
            {
                Bind(index);
            }
        }
        return Swap(files.Select((file, index) => (file.Key, (SpecFile?)read[index])).ToArray());
    }

    /// <summary>
    /// Applies one change to a file: its span in the file's current text (null for the whole text) and the new text
    /// there. The file is re-parsed only where the change falls when that is safe, and bound with the given
    /// configuration (no profile override). Null when the host holds no file under the key.
    /// </summary>
    public AnalysisSnapshot? Change(string key, TextSpan? span, string text, RuleConfiguration? configuration = null)
    {
        lock (gate)
        {
            if (!current.Files.TryGetValue(key, out var file))
            {
                return null;
            }
            var syntax = span is { } replaced
                ? Edit(file.Syntax, file.Text.WithChange(replaced, text), replaced, text.Length)
                : Parse(new SourceText(text));
            return Swap([(key, File(file.Path, syntax, configuration: configuration, previous: file))]);
        }
    }

    public AnalysisSnapshot Remove(string key) => Swap([(key, null)]);

    /// <summary>
    /// Reads every file again with the configuration that now governs it (after a cachespec.json changed).
    /// </summary>
    public AnalysisSnapshot Reconfigure(Func<SpecFile, RuleConfiguration?> configurationFor)
    {
        lock (gate)
        {
            return Swap(current.Files.Select(pair => (pair.Key,
                (SpecFile?)File(pair.Value.Path, pair.Value.Text.Text, configuration: configurationFor(pair.Value))))
                .ToArray());
        }
    }

    /// <summary>
    /// Sets (or with a null file removes) files by key and swaps in the snapshot of the result, whose files in path
    /// order follow from the last snapshot's with the changed ones moved.
    /// </summary>
    private AnalysisSnapshot Swap((string Key, SpecFile? File)[] changes)
    {
        lock (gate)
        {
            var files = current.Files;
            var sortAll = changes.Length > 16;
            var ordered = sortAll ? null : new List<(string Key, SpecFile File)>(current.Ordered);
            foreach (var (key, file) in changes)
            {
                if (ordered is not null && files.TryGetValue(key, out var old))
                {
                    ordered.RemoveAt(ordered.BinarySearch((key, old), PathOrder.Instance));
                }
                files = file is null ? files.Remove(key) : files.SetItem(key, file);
                if (ordered is not null && file is not null)
                {
                    var at = ordered.BinarySearch((key, file), PathOrder.Instance);
                    ordered.Insert(at < 0 ? ~at : at, (key, file));
                }
            }
            if (ordered is null)
            {
                ordered = files.Select(pair => (pair.Key, pair.Value)).ToList();
                ordered.Sort(PathOrder.Instance);
            }
            var next = new AnalysisSnapshot(this, files, ordered.ToArray());
            Volatile.Write(ref current, next);
            return next;
        }
    }

    /// <summary>Files by path, then (two keys for one path) by key: the order analyses read them in.</summary>
    private sealed class PathOrder : IComparer<(string Key, SpecFile File)>
    {
        public static readonly PathOrder Instance = new();

        public int Compare((string Key, SpecFile File) x, (string Key, SpecFile File) y)
        {
            var byPath = string.CompareOrdinal(x.File.Path, y.File.Path);
            return byPath != 0 ? byPath : string.CompareOrdinal(x.Key, y.Key);
        }
    }

    public SyntaxTree Parse(SourceText text) => SyntaxTree.Parse(text, Options.ParallelThreshold);

    /// <summary>
    /// The tree of a text after one edit of a tree's text: the edited item is parsed again and spliced in where that is
    /// certain to give the tree a full parse gives, otherwise the whole text is parsed.
    /// </summary>
    public SyntaxTree Edit(SyntaxTree tree, SourceText newText, TextSpan replaced, int insertedLength) =>
        IncrementalParser.TryReparse(tree, newText, replaced, insertedLength) ?? Parse(newText);

    /// <summary>
    /// Parses and binds a file. The profile override, when given, replaces every document's own guidance; the
    /// configuration's guidance applies to documents that name none.
    /// </summary>
    public SpecFile File(string path, string text, GuidanceProfile? profileOverride = null,
        RuleConfiguration? configuration = null) =>
        File(path, Parse(new SourceText(text)), profileOverride, configuration);

    /// <summary>
    /// Binds an already parsed tree. The file as it was before an edit, when given, lends the new one the items the
    /// edit left alone.
    /// </summary>
    public SpecFile File(string path, SyntaxTree syntax, GuidanceProfile? profileOverride = null,
        RuleConfiguration? configuration = null,
        SpecFile? previous = null) =>
        SpecFile.Create(path, syntax, profileOverride, configuration, Options, previous);

    /// <summary>
    /// Every file's names and objects, without the rules' findings: all that completion, hints and navigation need.
    /// </summary>
    public WorkspaceModel Model(IReadOnlyList<SpecFile> files) => new(files, memory);

    /// <summary>
    /// A snapshot's model, built from the last one the host built when the files between them changed little.
    /// </summary>
    internal WorkspaceModel ModelAfterLast(IReadOnlyList<SpecFile> files)
    {
        var model = WorkspaceModel.Create(files, memory, Volatile.Read(ref lastModel));
        Volatile.Write(ref lastModel, model);
        return model;
    }

    private WorkspaceModel? lastModel;

    /// <summary>
    /// Checks a snapshot's model, starting from the host's last analysis: only what the change since then can reach is
    /// checked again.
    /// </summary>
    internal AnalysisResult AnalyzeFromLast(WorkspaceModel model) => incremental.Analyze(model, Options);

    /// <summary>
    /// Prepares the next analysis ahead of it (an editor calls it when idle after a fresh analysis of a large
    /// workspace); never needed for a correct result.
    /// </summary>
    public void PrepareNextAnalysis() => incremental.Prepare();

    /// <summary>How the host's last analysis was made: fresh, or how many files and items it checked again.</summary>
    public (bool Fresh, int ChangedFiles, int AffectedItems) LastAnalysis => incremental.LastRun;

    /// <summary>Checks files as one workspace.</summary>
    public AnalysisResult Analyze(IReadOnlyList<SpecFile> files) => Analyze(Model(files));

    /// <summary>
    /// Checks a model built beforehand (an editor builds it first for completion, which needs no rules).
    /// </summary>
    public AnalysisResult Analyze(WorkspaceModel model, IReadOnlyList<Rule>? rules = null) =>
        SpecAnalyzer.Analyze(model, rules, Options);
}

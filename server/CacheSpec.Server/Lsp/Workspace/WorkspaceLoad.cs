using System.Diagnostics;
using System.Globalization;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// One load of the workspace's spec files from disk: how long each stage took, for the line the log gets when it ends,
/// and how far it has come, for work-done progress. The loading thread ends the stages one after another; the files
/// read and bound are counted by whichever threads read and bind them.
/// </summary>
public sealed class WorkspaceLoad
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Time)> stages = new();
    private TimeSpan stageStarted;
    private int files;
    private int read;
    private int bound;

    /// <summary>Called when something was counted; gets the load's percentage and what it is doing.</summary>
    public Action<int, string>? Advanced { get; set; }

    /// <summary>The files to read, once they are found.</summary>
    public int Files
    {
        get => Volatile.Read(ref files);
        set => Volatile.Write(ref files, value);
    }

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>
    /// Ends the stage under way (they follow one another) and names it; its time is the time since the last one ended.
    /// </summary>
    public void EndStage(string name)
    {
        var now = clock.Elapsed;
        stages.Add((name, now - stageStarted));
        stageStarted = now;
    }

    public void FileRead()
    {
        var count = Interlocked.Increment(ref read);
        Advanced?.Invoke(Percentage(count, 0), $"reading {count}/{Files} files");
    }

    public void FileBound()
    {
        var count = Interlocked.Increment(ref bound);
        Advanced?.Invoke(Percentage(Files, count), $"parsing {count}/{Files} files");
    }

    /// <summary>
    /// Reading counts for a tenth of the load, parsing and binding for eight tenths, the analysis for the last.
    /// </summary>
    private int Percentage(int readCount, int boundCount) =>
        Files == 0 ? 0 : (int)((10L * readCount + 80L * boundCount) / Files);

    /// <summary>What the load is doing once every file is bound.</summary>
    public void Analysing() => Advanced?.Invoke(90, $"checking {Files} files");

    /// <summary>
    /// E.g. "Loaded 2000 spec files from 1 workspace folder in 1.2 s: find 30 ms, read 80 ms, ...".
    /// </summary>
    public string Summary(int loaded, int folders)
    {
        var times = string.Join(", ", stages.Select(stage => $"{stage.Name} {Milliseconds(stage.Time)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded} spec {(loaded == 1 ? "file" : "files")} from {folders} workspace {(folders == 1 ? "folder"
                : "folders")} in {Duration(clock.Elapsed)}: {times}.");
    }

    private static string Duration(TimeSpan time) => time < TimeSpan.FromSeconds(1) ? Milliseconds(time)
        : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");

    private static string Milliseconds(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");
}

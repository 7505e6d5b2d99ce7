using System.Text;
using System.Text.Json;
using CacheSpec.Analysis;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>`cachespec check` on hostile files on disk: an unreadable file is named and skipped, the others are still
/// checked.</summary>
public sealed class HostileFileCliTests : IDisposable
{
    private const string OpenSpec = Specs.Header
        + "caches:\n  - name: open\n    tier: Basic\n    size: C0\n"
        + "    isolation:\n      publicNetworkAccess: Enabled\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args) => CommandLineRunner.Run(args);

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Dictionary<string, string[]> CodesByFile(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("files").EnumerateArray().ToDictionary(
            file => file.GetProperty("path").GetString()!,
            file => file.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)
                .ToArray());
    }

    [Fact]
    public void An_invalid_utf8_file_is_named_and_skipped_and_the_others_are_checked()
    {
        var good = folder.Write("a-open.cachespec.yaml", OpenSpec);
        var bad = WriteBytes("b-latin1.cachespec.yaml", Encoding.Latin1.GetBytes(OpenSpec.Replace("open",
            "caf\u00e9")));
        var (exit, output, error) = Run("check", folder.Path, "--format", "json");
        Assert.Equal(2, exit);
        Assert.Equal($"cachespec: '{bad}' is not UTF-8 text, so it is not checked", error.Trim());
        var files = CodesByFile(output);
        Assert.Equal(new[] { good }, files.Keys);
        Assert.Equal(new[] { "no-network-isolation" }, files[good]);
    }

    [Fact]
    public void Binary_garbage_is_skipped_with_one_line_each_and_the_summary_counts_the_files_checked()
    {
        var random = new Random(7);
        var garbage = Enumerable.Range(0, 2).Select(i =>
        {
            var bytes = new byte[16 * 1024];
            random.NextBytes(bytes);
            return WriteBytes($"garbage-{i}.cachespec.yaml", bytes);
        }).ToArray();
        var good = folder.Write("open.cachespec.yaml", OpenSpec);
        var (exit, output, error) = Run("check", garbage[0], good, garbage[1]);
        Assert.Equal(2, exit);
        Assert.Equal(garbage.Select(path => $"cachespec: '{path}' is not UTF-8 text, so it is not checked"),
            error.Trim().Split('\n').Select(line => line.TrimEnd('\r')));
        Assert.StartsWith($"{good}:", output);
        Assert.EndsWith("0 errors, 1 warning, 0 info in 1 file checked.", output.Trim());
    }

    [Fact]
    public void Nul_bytes_in_utf8_text_are_a_syntax_finding_not_a_read_error()
    {
        var path = WriteBytes("nul.cachespec.yaml", Encoding.UTF8.GetBytes(OpenSpec.Replace("name: open",
            "name: op\0en")));
        var (exit, output, error) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Empty(error);
        Assert.Contains($"{path}:6:13 error yaml-syntax The character U+0000 is not allowed in YAML text.", output);
    }

    [Fact]
    public void A_ten_megabyte_file_gets_the_size_finding_beside_the_other_files_findings()
    {
        var big = folder.Write("big.cachespec.yaml", HostileSpecs.CachesOfLength(10 * 1024 * 1024));
        var good = folder.Write("open.cachespec.yaml", OpenSpec);
        var (exit, output, error) = Run("check", folder.Path, "--format", "json");
        Assert.Equal(1, exit);
        Assert.Empty(error);
        var files = CodesByFile(output);
        Assert.Equal(new[] { "limit-exceeded" }, files[big]);
        Assert.Equal(new[] { "no-network-isolation" }, files[good]);
    }

    [Fact]
    public void Only_as_much_of_a_file_is_read_as_the_engine_checks()
    {
        // Invalid bytes past the size limit are never decoded: the file is reported as too large, not as unreadable.
        var bytes = Encoding.UTF8.GetBytes(HostileSpecs.CachesOfLength(AnalysisLimits.MaxTextLength + 100_000))
            .Concat(new byte[] { 0xff, 0xfe, 0xfd }).ToArray();
        var path = WriteBytes("tail.cachespec.yaml", bytes);
        var (exit, output, error) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Empty(error);
        Assert.StartsWith($"{path}:1:1 error limit-exceeded The file is longer than 8,388,608 characters", output);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_as_before()
    {
        var plain = folder.Write("plain.cachespec.yaml", OpenSpec);
        var marked = WriteBytes("marked.cachespec.yaml", Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(OpenSpec)).ToArray());
        var (plainExit, plainOutput, _) = Run("check", plain, "--fail-on", "warning");
        var (markedExit, markedOutput, markedError) = Run("check", marked, "--fail-on", "warning");
        Assert.Equal((1, 1), (plainExit, markedExit));
        Assert.Empty(markedError);
        Assert.Equal(plainOutput.Replace(plain, "spec"), markedOutput.Replace(marked, "spec"));
    }
}

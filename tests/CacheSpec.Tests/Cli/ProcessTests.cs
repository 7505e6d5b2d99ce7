using System.Diagnostics;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Cli;

/// <summary>Runs the real cachespec executable, as CI and users do, through its process boundary.</summary>
public class ProcessTests
{
    private static (int Exit, string Out, string Err) RunCachespec(params string[] args)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "cachespec.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "cachespec did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Checks_the_examples_folder_with_paths_as_given()
    {
        var (exit, output, error) = RunCachespec("check", "examples/", "--format", "json");
        Assert.Equal(1, exit); // examples/broken holds a deliberately wrong spec
        Assert.Empty(error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var paths = json.RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("path")
            .GetString()!).ToArray();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.StartsWith("examples/", path));
    }

    [Fact]
    public void A_bad_flag_prints_one_line_and_no_stack_trace()
    {
        var (exit, output, error) = RunCachespec("check", "examples/", "--format", "yaml");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("cachespec: --format takes text, json or sarif (got 'yaml')", error.Trim());
    }
}

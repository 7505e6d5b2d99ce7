using System.Text;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Model;
using CacheSpec.Server.Discovery;

namespace CacheSpec.Server.Cli;

/// <summary>
/// "cachespec check": read the files, analyse them as one workspace, print the findings, choose the exit code.
/// </summary>
public static class CheckCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            return CommandLine.Print(stdout, CommandLine.Usage);
        }
        var options = CheckOptions.Parse(args, out var error);
        if (options is null)
        {
            return CommandLine.Fail(stderr, error!);
        }
        var unreadableFolders = new List<string>();
        var paths = SpecFileFinder.Find(options.Paths, out error, unreadableFolders);
        if (paths is null)
        {
            return CommandLine.Fail(stderr, error!);
        }
        if (paths.Count == 0 && unreadableFolders.Count == 0)
        {
            // A mistyped path in CI must not pass as a clean check of nothing.
            var given = string.Join(", ", options.Paths.Select(path => $"'{path}'"));
            return CommandLine.Fail(stderr, $"no spec file (*.cachespec.yaml, *.cachespec.yml) found in {given}");
        }
        var locator = new ConfigurationLocator();
        RuleConfiguration? fixedConfiguration = null;
        if (options.ConfigPath is { } configPath)
        {
            if (!File.Exists(configPath))
            {
                return CommandLine.Fail(stderr, $"the configuration '{configPath}' does not exist");
            }
            var (configuration, problems) = ConfigurationLocator.LoadGiven(configPath);
            if (problems.Count > 0)
            {
                return CommandLine.Fail(stderr, $"{configPath}: {problems[0]}");
            }
            fixedConfiguration = configuration;
        }
        var host = new AnalysisHost();
        var files = new List<SpecFile>();
        // A folder that cannot be listed counts as unreadable input too: a check that silently left it out would pass
        // for a whole one.
        var unreadable = unreadableFolders.Count > 0;
        foreach (var folder in unreadableFolders)
        {
            CommandLine.Fail(stderr, folder);
        }
        // A file named on the command line is read wherever it points (a pipe as a stream); one found in a folder is
        // opened only if it is a regular file.
        var named = options.Paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var configuration = fixedConfiguration;
            if (configuration is null)
            {
                var (found, configurationPath, problems) = locator.For(path, LookupTop.ForCheck(path, options.Paths));
                if (problems.Count > 0)
                {
                    return CommandLine.Fail(stderr, $"{configurationPath}: {problems[0]}");
                }
                configuration = found;
            }
            // An unreadable file is named on stderr and the others are still checked; the exit status then says the
            // input was incomplete.
            try
            {
                var text = named.Contains(path) ? SpecTextReader.Read(path) : SpecTextReader.ReadFound(path);
                files.Add(host.File(path, text, options.Guidance, configuration));
            }
            catch (DecoderFallbackException)
            {
                unreadable = true;
                CommandLine.Fail(stderr, $"'{path}' is not UTF-8 text, so it is not checked");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                unreadable = true;
                CommandLine.Fail(stderr, $"cannot read '{path}', so it is not checked: {exception.Message}");
            }
        }
        var result = host.Analyze(files);
        var checkedPaths = files.Select(file => file.Path).ToArray();
        switch (options.Format)
        {
            case OutputFormat.Json:
                JsonReport.Write(stdout, checkedPaths, result);
                break;
            case OutputFormat.Sarif:
                SarifReport.Write(stdout, checkedPaths, result);
                break;
            default:
                TextReport.Write(stdout, checkedPaths, result);
                break;
        }
        if (unreadable)
        {
            return CommandLine.UsageError;
        }
        var failing = options.FailOn is { } threshold
            && result.Diagnostics.Any(diagnostic => diagnostic.Severity <= threshold);
        return failing ? CommandLine.Findings : CommandLine.Success;
    }
}

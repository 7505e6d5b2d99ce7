using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Cli;

/// <summary>The options of "cachespec check", parsed from its arguments.</summary>
public sealed record CheckOptions(IReadOnlyList<string> Paths, OutputFormat Format, GuidanceProfile? Guidance,
    DiagnosticSeverity? FailOn, string? ConfigPath = null)
{
    /// <summary>Parses the arguments after "check"; on failure returns null and a one-line reason.</summary>
    public static CheckOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var paths = new List<string>();
        var format = OutputFormat.Text;
        GuidanceProfile? guidance = null;
        DiagnosticSeverity? failOn = DiagnosticSeverity.Error;
        string? configPath = null;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                inlineValue = arg[(arg.IndexOf('=') + 1)..];
                arg = arg[..arg.IndexOf('=')];
            }
            string? Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }
                return null;
            }
            switch (arg)
            {
                case "--format":
                    var formatText = Value();
                    if (formatText is not ("text" or "json" or "sarif"))
                    {
                        error = $"--format takes text, json or sarif (got '{formatText}')";
                        return null;
                    }
                    format = formatText switch
                    {
                        "json" => OutputFormat.Json,
                        "sarif" => OutputFormat.Sarif,
                        _ => OutputFormat.Text
                    };
                    break;
                case "--guidance":
                    var guidanceText = Value();
                    guidance = GuidanceProfiles.Parse(guidanceText);
                    if (guidance is null)
                    {
                        error = $"--guidance takes 2020-10 or current (got '{guidanceText}')";
                        return null;
                    }
                    break;
                case "--fail-on":
                    var failText = Value();
                    if (failText is not ("error" or "warning" or "info" or "none"))
                    {
                        error = $"--fail-on takes error, warning, info or none (got '{failText}')";
                        return null;
                    }
                    failOn = failText switch
                    {
                        "error" => DiagnosticSeverity.Error,
                        "warning" => DiagnosticSeverity.Warning,
                        "info" => DiagnosticSeverity.Info,
                        _ => null,
                    };
                    break;
                case "--config":
                    configPath = Value();
                    if (string.IsNullOrEmpty(configPath))
                    {
                        error = "--config takes the path of a cachespec.json";
                        return null;
                    }
                    break;
                case "--":
                    paths.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        error = $"unknown option '{arg}'";
                        return null;
                    }
                    paths.Add(arg);
                    break;
            }
        }
        if (paths.Count == 0)
        {
            error = "check needs at least one file or folder";
            return null;
        }
        return new CheckOptions(paths, format, guidance, failOn, configPath);
    }
}

using CacheSpec.Server.Cli;
using CacheSpec.Server.Lsp;

namespace CacheSpec.Server;

/// <summary>
/// Dispatches the verbs of the cachespec executable to its hosts (Cli: check; Lsp: serve). Usage errors are one line on
/// stderr and exit code 2.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "check" => CheckCommand.Run(args[1..], stdout, stderr),
                "serve" => ServeCommand.Run(args[1..], stderr),
                "--version" or "version" => Print(stdout, $"cachespec {ProductInfo.Version}"),
                "--help" or "-h" or "help" => Print(stdout, Usage),
                null => Fail(stderr, "missing command; try 'cachespec check <path>...' or 'cachespec --help'"),
                var verb => Fail(stderr, $"unknown command '{verb}'; try 'cachespec --help'"),
            };
        }
        catch (Exception exception)
        {
            // A last guard: the engine never throws on input, but an IO surprise must still end in one line, not a
            // stack trace.
            return Fail(stderr, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    public const string Usage = """
        cachespec: checks Azure Cache for Redis isolation specs (*.cachespec.yaml)

        Usage:
          cachespec check <path>... [--format text|json|sarif] [--guidance 2020-10|current]
                                    [--fail-on error|warning|info|none] [--config cachespec.json]
          cachespec serve [--stdio]      the language server, over standard input and output
          cachespec --version

        A path is a spec file or a folder searched recursively for *.cachespec.yaml
            and *.cachespec.yml; all of them form one model.
        Each spec follows the cachespec.json in its folder
            or the nearest one above (rule levels, default guidance) unless --config names one.
        Exit status: 0 when no finding is at or above --fail-on (default error), 1 when some are, 2 on bad usage,
            unreadable input
        (a file that is not UTF-8 or cannot be read is named on stderr; the other files are still checked and reported)
            or paths that
        hold no spec file at all.
        """;

    internal static int Print(TextWriter writer, string text)
    {
        writer.WriteLine(text);
        return Success;
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"cachespec: {message}");
        return UsageError;
    }
}

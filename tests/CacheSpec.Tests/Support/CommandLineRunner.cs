using CacheSpec.Server;

namespace CacheSpec.Tests.Support;

/// <summary>Runs the command line in process, as the executable would, and keeps what it wrote.</summary>
public static class CommandLineRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Text.RegularExpressions;

namespace CacheSpec.Tests.Security;

/// <summary>One line of an "strace -f" log: the process, the system call, its arguments as strace printed them (up to
/// the end of the line).</summary>
internal sealed partial record SystemCall(int Pid, string Name, string Arguments)
{
    /// <summary>The calls of a log. A call cut by another process's ("&lt;unfinished ...&gt;") keeps its arguments; the
    /// "resumed" half is skipped.</summary>
    public static IReadOnlyList<SystemCall> Parse(string log) =>
        log.Split('\n').Select(line => CallLine().Match(line)).Where(match => match.Success)
            .Select(match => new SystemCall(int.Parse(match.Groups["pid"].Value), match.Groups["name"].Value,
                match.Groups["arguments"].Value))
            .ToArray();

    /// <summary>The first quoted argument (the path of an open or an execve), unescaped; null when there is
    /// none.</summary>
    public string? Path
    {
        get
        {
            var match = QuotedString().Match(Arguments);
            return match.Success ? Regex.Unescape(match.Groups["text"].Value) : null;
        }
    }

    public override string ToString() => $"{Pid} {Name}({Arguments}";

    [GeneratedRegex(@"^(?<pid>\d+)\s+(?<name>[a-z0-9_]+)\((?<arguments>.*)$")]
    private static partial Regex CallLine();

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedString();
}

using System.Diagnostics;

namespace CacheSpec.Tests.Support;

/// <summary>
/// Makes files and folders unreadable for the fault tests. A mode of 000 does not stop root (CAP_DAC_OVERRIDE), and
/// tests may run as root (in CI containers they do), so each test asks what holds here: modes stop this process, or the
/// real executable can be run as an unprivileged user (setpriv to nobody) whom they stop, or a file can be replaced by
/// a folder, which fails to read as a file with the same UnauthorizedAccessException that a denied permission raises.
/// </summary>
public static class Unreadable
{
    private const string Nobody = "65534";

    /// <summary>True when a file with mode 000 cannot be read by this process.</summary>
    public static bool ModesStopThisProcess { get; } = ProbeThisProcess();

    /// <summary>
    /// The command prefix that runs a program as a user whom modes stop: none when they stop this process, setpriv to
    /// nobody as root, null when neither works (<see cref="Why"/> says why).
    /// </summary>
    public static IReadOnlyList<string>? Launcher { get; } = ModesStopThisProcess ? Array.Empty<string>()
        : ProbeSetpriv();

    public static string Why => Launcher is not null
        ? ""
        : "this process runs as root, where a mode of 000 does not stop reads, and setpriv could not run the " +
            "executable as nobody";

    public static void Lock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("File modes are a Unix notion.");
        }
        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    public static void Unlock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("File modes are a Unix notion.");
        }
        const UnixFileMode readable =
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, Directory.Exists(path)
            ? readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute
            : readable);
    }

    /// <summary>
    /// Makes a file fail to read in this process with UnauthorizedAccessException: by its mode where that holds, else
    /// (as root) by putting a folder of the same name in its place. <see cref="Restore"/> undoes either.
    /// </summary>
    public static void MakeFileUnreadableHere(string path)
    {
        if (ModesStopThisProcess)
        {
            Lock(path);
            return;
        }
        File.Delete(path);
        Directory.CreateDirectory(path);
    }

    public static void Restore(string path, string text)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path);
        }
        else if (File.Exists(path))
        {
            Unlock(path);
        }
        File.WriteAllText(path, text);
    }

    /// <summary>Runs a program through <see cref="Launcher"/>; returns its exit code, stdout and stderr (it must end
    /// within a minute).</summary>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, string program, params string[] args)
    {
        var launcher = Launcher ?? throw new InvalidOperationException(Why);
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in launcher.Skip(1).Concat(launcher.Count > 0 ? new[] { program } : Array.Empty<string>())
            .Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within a minute.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    private static bool ProbeThisProcess()
    {
        var path = Path.Combine(Path.GetTempPath(), "cachespec-mode-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "probe");
        try
        {
            Lock(path);
            File.ReadAllText(path);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            Unlock(path);
            File.Delete(path);
        }
    }

    /// <summary>setpriv works when nobody can run the test's executable but cannot read a file of mode 000.</summary>
    private static string[]? ProbeSetpriv()
    {
        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        if (setpriv is null)
        {
            return null;
        }
        var launcher = new[] { setpriv, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups" };
        var path = Path.Combine(Path.GetTempPath(), "cachespec-mode-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "probe");
        try
        {
            Lock(path);
            static int Status(string[] command)
            {
                using var process = Process.Start(new ProcessStartInfo(command[0],
                    command.Skip(1))
                { RedirectStandardError = true })!;
                process.WaitForExit(10_000);
                return process.ExitCode;
            }
            var runs = Status(launcher.Concat(new[] { "test", "-r", Path.Combine(AppContext.BaseDirectory,
                "cachespec.dll") }).ToArray()) == 0;
            var stopped = Status(launcher.Concat(new[] { "test", "-r", path }).ToArray()) != 0;
            return runs && stopped ? launcher : null;
        }
        finally
        {
            Unlock(path);
            File.Delete(path);
        }
    }
}

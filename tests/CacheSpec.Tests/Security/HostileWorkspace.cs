using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Security;

/// <summary>
/// A workspace that tries to make the tools run something, reach the network or read outside it: a spec whose values
/// are shell commands, URLs and a YAML tag that some loaders execute, an executable script, other files a tool has no
/// business reading, and symbolic links to a spec, a folder and a cachespec.json outside the workspace, and in loops.
/// Beside it, "outside" holds what the links point at; a marker file appears if anything runs.
/// </summary>
internal sealed class HostileWorkspace : IDisposable
{
    private readonly TempFolder root = new();

    public HostileWorkspace(bool linkedConfiguration)
    {
        Marker = Path.Combine(root.Path, "something-ran");
        root.Write("ws/a.cachespec.yaml", Spec("a", "public endpoint"));
        root.Write("ws/sub/b.cachespec.yaml", Spec("b", "second"));
        root.Write("ws/tags.cachespec.yaml", Specs.Header.Replace("name: test", "name: tags") +
            $"  description: !!python/object/apply:os.system [\"touch {Marker}\"]\n" +
            $"caches:\n  - name: $(touch {Marker})\n    tier: `touch {Marker}`\n" +
            "    size: http://203.0.113.7/payload\n" +
            "    isolation:\n      publicNetworkAccess: Enabled\n      privateEndpoints:\n        - name: pe\n       " +
                "   subnet: \\\\203.0.113.7\\share\n");
        root.Write("ws/cachespec.json", "{\"rules\": {\"public-access-unset\": \"off\"}}");
        root.Write("ws/notes.yaml", "not: a spec\n");
        root.Write("ws/README.md", "# notes\n");
        root.Write("ws/.git/config", "[core]\n");
        var script = root.Write("ws/install.sh", $"#!/bin/sh\ntouch '{Marker}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        root.Write("outside/secret.cachespec.yaml", Spec("secret", "outside the workspace"));
        root.Write("outside/cachespec.json",
            "{\"rules\": {\"no-network-isolation\": \"off\"}, \"topSecretSetting\": 1}");
        root.Write("outside/private.key", "secret\n");
        File.CreateSymbolicLink(Path.Combine(Workspace, "linked.cachespec.yaml"), "../outside/secret.cachespec.yaml");
        File.CreateSymbolicLink(Path.Combine(Workspace, "key.cachespec.yaml"), "../outside/private.key");
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "outdir"), "../outside");
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "sub", "up"), "..");
        if (linkedConfiguration)
        {
            root.Write("ws/linked-config/c.cachespec.yaml", Spec("c", "under a linked cachespec.json"));
            File.CreateSymbolicLink(Path.Combine(Workspace, "linked-config", "cachespec.json"),
                "../../outside/cachespec.json");
        }
    }

    public string Root => root.Path;

    public string Workspace => Path.Combine(root.Path, "ws");

    public string Outside => Path.Combine(root.Path, "outside");

    /// <summary>Created only if something in the workspace was executed.</summary>
    public string Marker { get; }

    /// <summary>The readable, non-link spec files of the workspace, as full paths.</summary>
    public IEnumerable<string> SpecFiles => Directory.GetFiles(Workspace, "*.cachespec.yaml",
        new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
        .Where(path => new FileInfo(path).LinkTarget is null)
        .Order(StringComparer.Ordinal);

    public void Dispose() => root.Dispose();

    private static string Spec(string name, string description) =>
        Specs.Header.Replace("name: test", $"name: {name}\n  description: {description}") +
        $"caches:\n  - name: cache-{name}\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
            "Enabled\n";
}

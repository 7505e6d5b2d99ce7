namespace CacheSpec.Tests.Security;

/// <summary>
/// The compiled engine (CacheSpec.Analysis) and executable (cachespec, CacheSpec.Server) are read as metadata: neither
/// may refer to anything that starts a program, opens a network connection or a pipe, loads code or calls native code,
/// and neither writes files. The server may look up its client's process, to exit when it dies, and nothing more; the
/// engine does no IO at all. Third-party assemblies (StreamJsonRpc, YamlDotNet, Markdig) are not covered here: the
/// strace tests watch the whole process instead.
/// </summary>
public class AssemblyReferenceTests
{
    private const string Engine = "CacheSpec.Analysis.dll";
    private const string Server = "cachespec.dll";

    private static readonly string[] Forbidden =
    {
        "System.Diagnostics.ProcessStartInfo", "System.Diagnostics.Process::Start", "System.Net.", "System.IO.Pipes.",
        "System.Runtime.InteropServices.NativeLibrary", "System.Runtime.InteropServices.DllImportAttribute",
        "System.Runtime.InteropServices.LibraryImportAttribute", "pinvoke ", "System.Reflection.Assembly::Load",
        "System.Reflection.Assembly::UnsafeLoadFrom", "System.Runtime.Loader.", "System.Reflection.Emit.",
            "System.Type::GetType(",
        "System.Activator::CreateInstance(string", "System.AppDomain::ExecuteAssembly",
    };

    private static readonly string[] Writes =
    {
        "System.IO.File::Write", "System.IO.File::Append", "System.IO.File::Create", "System.IO.File::Delete",
            "System.IO.File::Move",
        "System.IO.File::Copy", "System.IO.File::Replace", "System.IO.File::Open(", "System.IO.File::OpenWrite",
            "System.IO.File::OpenHandle",
        "System.IO.File::Set", "System.IO.Directory::CreateDirectory", "System.IO.Directory::Delete",
            "System.IO.Directory::Move",
        "System.IO.FileInfo::Create", "System.IO.FileInfo::Delete", "System.IO.FileInfo::MoveTo",
            "System.IO.FileInfo::CopyTo",
        "System.IO.FileInfo::Open", "System.IO.FileStream", "System.IO.StreamWriter::.ctor(string",
            "System.IO.RandomAccess",
    };

    private static readonly string[] Io =
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileSystemInfo", "System.IO.FileStream",
            "System.IO.StreamReader::.ctor(string",
        "System.Console", "System.Environment::GetEnvironmentVariable", "System.Environment::Exit",
            "System.Diagnostics.Process",
    };

    private static IReadOnlyList<string> ReferencesOf(string assembly) =>
        AssemblyReferences.Of(Path.Combine(AppContext.BaseDirectory, assembly));

    private static void AssertNone(string assembly, IEnumerable<string> prefixes)
    {
        var references = ReferencesOf(assembly);
        Assert.NotEmpty(references);
        var found = references.Where(reference => prefixes.Any(prefix => reference.StartsWith(prefix,
            StringComparison.Ordinal))).ToArray();
        Assert.True(found.Length == 0, $"{assembly} refers to:\n  {string.Join("\n  ", found)}");
    }

    [Theory]
    [InlineData(Engine)]
    [InlineData(Server)]
    public void Nothing_starts_a_program_opens_a_connection_or_loads_code(string assembly) => AssertNone(assembly,
        Forbidden);

    [Theory]
    [InlineData(Engine)]
    [InlineData(Server)]
    public void Nothing_writes_a_file(string assembly) => AssertNone(assembly, Writes);

    [Fact]
    public void The_engine_does_no_io()
    {
        AssertNone(Engine, Io);
        // Its hover and completion text is read from resources embedded in the assembly itself.
        Assert.Contains("System.Reflection.Assembly::GetManifestResourceStream(string)", ReferencesOf(Engine));
    }

    [Fact]
    public void The_reader_sees_what_these_tests_look_for_where_it_is()
    {
        // The tests themselves start processes and trace them: a reader that missed references would pass everything
        // above.
        var own = AssemblyReferences.Of(typeof(AssemblyReferenceTests).Assembly.Location);
        Assert.Contains("System.Diagnostics.Process::Start(System.Diagnostics.ProcessStartInfo)", own);
        Assert.Contains("System.IO.File::WriteAllText(string, string)", own);
    }

    [Fact]
    public void The_server_looks_up_only_its_clients_process_to_exit_when_it_dies()
    {
        var processMembers = ReferencesOf(Server).Where(reference =>
            reference.StartsWith("System.Diagnostics.Process::", StringComparison.Ordinal));
        Assert.Equal(new[] { "System.Diagnostics.Process::GetProcessById(int32)",
            "System.Diagnostics.Process::get_HasExited()" }, processMembers);
    }
}

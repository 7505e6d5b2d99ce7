using System.Reflection;
using CacheSpec.Analysis;

namespace CacheSpec.Tests.Architecture;

/// <summary>
/// The engine's floor plan, checked on the compiled assembly: each folder uses only the folders below it, and no static
/// field holds state that could outlive an analysis or pass from one workspace to another (an <see
/// cref="AnalysisHost"/> owns all such state).
/// </summary>
public class EngineStructureTests
{
    private static readonly Assembly Engine = typeof(AnalysisHost).Assembly;

    /// <summary>
    /// What each folder may use besides itself. The root namespace's limits and options are plain values every folder
    /// may read, and its budget (a deadline and a work meter) every stage may check; its front doors
    /// (<see cref="SpecAnalyzer"/>, <see cref="AnalysisHost"/>) use everything and nothing uses them.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Facts"] = [],
        ["Text"] = [],
        ["Network"] = ["Facts"],
        ["Diagnostics"] = ["Text", "Facts"],
        ["Syntax"] = ["Text", "Diagnostics", "Facts"],
        ["Configuration"] = ["Diagnostics", "Text", "Facts"],
        ["Format"] = ["Syntax", "Text", "Network", "Diagnostics", "Facts"],
        ["Model"] = ["Format", "Syntax", "Text", "Network", "Diagnostics", "Configuration", "Facts"],
        ["Editing"] = ["Model", "Format", "Syntax", "Text", "Network", "Diagnostics", "Facts"],
        ["Rules"] = ["Editing", "Model", "Format", "Syntax", "Text", "Network", "Diagnostics", "Configuration",
            "Facts"],
        ["Guidance"] = ["Model", "Format", "Syntax", "Text", "Rules", "Diagnostics", "Facts"],
        ["Fixes"] = ["Rules", "Editing", "Model", "Format", "Syntax", "Text", "Network", "Diagnostics", "Configuration",
            "Facts"],
        ["Features"] = ["Guidance", "Rules", "Editing", "Model", "Format", "Syntax", "Text", "Network", "Diagnostics",
            "Configuration", "Fixes", "Facts"],
    };

    private static string FolderOf(Type type) => AssemblyDependencies.FolderOf(type, "CacheSpec.Analysis");

    private static readonly string[] Foundation =
        [nameof(AnalysisLimits), nameof(AnalysisOptions), nameof(AnalysisBudget), nameof(WorkMeter)];

    [Fact]
    public void Each_folder_uses_only_the_folders_below_it()
    {
        var breaches = AssemblyDependencies.Of(Engine)
            .Where(edge => !IsAllowed(edge.From, edge.To))
            .Select(edge => $"{FolderOf(edge.From)}/{edge.From.Name} uses {FolderOf(edge.To)}/{edge.To.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(breaches.Length == 0, string.Join("\n", breaches));
    }

    [Fact]
    public void Every_folder_has_its_place_in_the_plan()
    {
        var folders = Engine.GetTypes().Select(FolderOf).Where(folder => folder is not ("" or "(outside)")).Distinct();
        Assert.All(folders,
            folder => Assert.True(Allowed.ContainsKey(folder),
                $"The folder {folder} has no place in EngineStructureTests.Allowed"));
    }

    private static bool IsAllowed(Type from, Type to)
    {
        var (source, target) = (FolderOf(from), FolderOf(to));
        if (source == target || source == "" || target == "(outside)" || (target == "" && Foundation.Contains(to.Name)))
        {
            return true;
        }
        return Allowed.TryGetValue(source, out var below) && below.Contains(target);
    }

    [Fact]
    public void No_static_field_holds_mutable_state()
    {
        var mutable = Engine.GetTypes()
            .Where(type => !type.Name.Contains('<', StringComparison.Ordinal) && !IsCompilerGenerated(type))
            .SelectMany(type =>
                type.GetFields(
                    BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsLiteral && !IsCompilerGenerated(field) && !(field.IsInitOnly
                && IsImmutable(field.FieldType)))
            .Select(field => $"{field.DeclaringType!.FullName}.{field.Name}: {field.FieldType.Name}")
            .ToArray();
        Assert.True(mutable.Length == 0, "Static fields that can change:\n" + string.Join("\n", mutable));
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null
            && member is Type
        || (member is FieldInfo field && field.Name.Contains('<', StringComparison.Ordinal)
            && !field.Name.EndsWith("k__BackingField", StringComparison.Ordinal));

    /// <summary>
    /// A field type whose value cannot change once the field is set: a value type, a string, an interface that only
    /// reads (the objects behind them are arrays and lists built once and never handed out for writing), a frozen or
    /// immutable collection, a regular expression, or an engine type that the test trusts because it has no settable
    /// state of its own.
    /// </summary>
    private static bool IsImmutable(Type type)
    {
        if (type.IsValueType || type == typeof(string) || type == typeof(System.Text.RegularExpressions.Regex))
        {
            return true;
        }
        var name = type.IsGenericType ? type.GetGenericTypeDefinition().FullName! : type.FullName ?? type.Name;
        if (name.StartsWith("System.Collections.Frozen.", StringComparison.Ordinal)
            || name.StartsWith("System.Collections.Immutable.", StringComparison.Ordinal)
            || name.StartsWith("System.Buffers.SearchValues", StringComparison.Ordinal)
            || name is "System.Collections.Generic.IReadOnlyList`1" or "System.Collections.Generic.IReadOnlySet`1"
                or "System.Collections.Generic.IReadOnlyDictionary`2" or "System.Linq.ILookup`2" or "System.Lazy`1")
        {
            return true;
        }
        return type.Assembly == Engine && !type.IsArray && HasNoSettableState(type);
    }

    private static bool HasNoSettableState(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(field =>
            field.IsInitOnly)
        && (type.BaseType is null || type.BaseType == typeof(object) || type.BaseType.Assembly != Engine
            || HasNoSettableState(type.BaseType));
}

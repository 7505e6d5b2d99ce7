using System.Reflection;
using System.Reflection.Emit;

namespace CacheSpec.Tests.Architecture;

/// <summary>
/// Which types of its own assembly each type uses, read from the compiled assembly: base types and interfaces, fields,
/// method signatures, and every type, method and field that a method body names; and which types its method bodies
/// construct. Compiler-generated types (lambdas, iterators, async state machines) count as part of the type that
/// declares them.
/// </summary>
internal static class AssemblyDependencies
{
    private const byte NewObject = 0x73;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>
    /// The folder of a type under a root namespace: "Rules" for CacheSpec.Analysis.Rules.Isolation, "" for the root
    /// itself.
    /// </summary>
    public static string FolderOf(Type type, string root)
    {
        var name = (type.Namespace ?? string.Empty) + ".";
        return name.StartsWith(root + ".", StringComparison.Ordinal) ? name[(root.Length + 1)..].Split('.')[0]
            : "(outside)";
    }

    /// <summary>
    /// Every type of the assembly whose constructor a type's code (with its nested and compiler-generated types) calls
    /// with newobj.
    /// </summary>
    public static IEnumerable<(Type From, Type Constructed)> Constructions(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))
                .SelectMany(method => Instructions(method)
                    .Where(instruction => instruction.Code.Value == NewObject)
                    .Select(instruction => instruction.Member?.DeclaringType)
                    .OfType<Type>()
                    .Where(constructed => constructed.Assembly == assembly)
                    .Select(constructed => (Outermost(type), constructed))))
            .Distinct();

    /// <summary>
    /// Every engine type a type (with its nested and compiler-generated types) uses, other than itself.
    /// </summary>
    public static IEnumerable<(Type From, Type To)> Of(Assembly engine)
    {
        foreach (var type in engine.GetTypes().Where(type => type.DeclaringType is null))
        {
            var used = new HashSet<Type>();
            foreach (var inner in WithNested(type))
            {
                Collect(inner, used);
            }
            foreach (var target in used.Where(target => target.Assembly == engine && Outermost(target) != type))
            {
                yield return (type, Outermost(target));
            }
        }
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested));

    private static Type Outermost(Type type) => type.DeclaringType is { } declaring ? Outermost(declaring) : type;

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
        | BindingFlags.DeclaredOnly;

    private static void Collect(Type type, HashSet<Type> used)
    {
        Add(type.BaseType, used);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract, used);
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, used);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, used);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, used);
            }
            CollectBody(method, used);
        }
    }

    private static void CollectBody(MethodBase method, HashSet<Type> used)
    {
        foreach (var (_, member) in Instructions(method))
        {
            Add(member as Type ?? member?.DeclaringType, used);
            if (member is FieldInfo field)
            {
                Add(field.FieldType, used);
            }
        }
    }

    /// <summary>
    /// A method body's instructions, each with the type, method or field it names (null for one that names none).
    /// </summary>
    private static IEnumerable<(OpCode Code, MemberInfo? Member)> Instructions(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments()
            : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var code = OpCodesByValue[value];
            at += code.Size;
            var member = code.OperandType is OperandType.InlineMethod or OperandType.InlineField
                or OperandType.InlineType or OperandType.InlineTok
                ? module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)
                : null;
            yield return (code, member);
            at += OperandSize(code, il, at);
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static void Add(Type? type, HashSet<Type> used)
    {
        if (type is null || !used.Add(type))
        {
            return;
        }
        if (type.HasElementType)
        {
            Add(type.GetElementType(), used);
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Add(type.GetGenericTypeDefinition(), used);
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, used);
            }
        }
    }
}

using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CacheSpec.Tests.Security;

/// <summary>
/// What a compiled assembly refers to outside itself, read from its metadata without loading it: every type reference
/// ("System.Net.Sockets.Socket"), every member reference with its parameter types
/// ("System.Diagnostics.Process::GetProcessById(int32)"), and "pinvoke name" for each method it imports from a native
/// library.
/// </summary>
internal static class AssemblyReferences
{
    public static IReadOnlyList<string> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = new List<string>();
        references.AddRange(metadata.TypeReferences.Select(handle => TypeName(metadata, handle)));
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            var parameters = member.GetKind() == MemberReferenceKind.Method
                ? "(" + string.Join(", ", member.DecodeMethodSignature(new SignatureNames(metadata),
                    genericContext: null).ParameterTypes) + ")"
                : "";
            references.Add($"{ParentName(metadata, member.Parent)}::{metadata.GetString(member.Name)}{parameters}");
        }
        foreach (var handle in metadata.MethodDefinitions)
        {
            var method = metadata.GetMethodDefinition(handle);
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                references.Add($"pinvoke {metadata.GetString(method.Name)}");
            }
        }
        return references.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    internal static string TypeName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{TypeName(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
            : $"{metadata.GetString(type.Namespace)}.{name}";
    }

    private static string ParentName(MetadataReader metadata, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => TypeName(metadata, (TypeReferenceHandle)parent),
        HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
        HandleKind.TypeSpecification => GenericTypeName(metadata, (TypeSpecificationHandle)parent),
        _ => parent.Kind.ToString(),
    };

    /// <summary>The generic type of an instantiation ("System.Collections.Generic.List`1" for
    /// List&lt;Socket&gt;).</summary>
    private static string GenericTypeName(MetadataReader metadata, TypeSpecificationHandle handle)
    {
        var blob = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return "(type specification)";
        }
        blob.ReadSignatureTypeCode();
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? TypeName(metadata, (TypeReferenceHandle)generic)
            : "(generic type definition)";
    }
}

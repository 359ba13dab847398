using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Lethe.Tests.Architecture;

/// <summary>One instruction of a method body: its opcode; for a call, newobj or ldftn the method it names
/// ("Type::Name(Parameters)", nested types as Outer+Inner) and that method's return type; for a local load or store the
/// local's index, else -1.</summary>
internal readonly record struct IlInstruction(ILOpCode Op, string? Callee = null, string? Returns = null, int Local = -1)
{
    public bool Calls => Callee is not null && Op is ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj;
}

/// <summary>A method with a body, as <see cref="IlMethods.Read"/> decodes it.</summary>
internal sealed record IlMethod(string Key, string Returns, IReadOnlyList<IlInstruction> Body);

/// <summary>
/// The method bodies of an assembly, decoded with System.Reflection.Metadata without loading it for execution: enough
/// of each instruction to say what a method calls and what it does with a call's result.
/// </summary>
internal static class IlMethods
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static IReadOnlyList<IlMethod> Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var names = new Names(md);
        var methods = new List<IlMethod>();
        foreach (var handle in md.MethodDefinitions)
        {
            var def = md.GetMethodDefinition(handle);
            if (def.RelativeVirtualAddress == 0) continue;
            var (key, returns) = names.Method(handle);
            methods.Add(new IlMethod(key, returns, Decode(pe.GetMethodBody(def.RelativeVirtualAddress).GetILReader(), names)));
        }
        return methods;
    }

    private static List<IlInstruction> Decode(BlobReader il, Names names)
    {
        var body = new List<IlInstruction>();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE) code = 0xFE00 | il.ReadByte();
            var op = (ILOpCode)code;
            var operand = Operands[unchecked((short)code)];
            switch (op)
            {
                case ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Jmp:
                    var (callee, returns) = names.Method(MetadataTokens.EntityHandle(il.ReadInt32()));
                    body.Add(new IlInstruction(op, callee, returns));
                    continue;
                case >= ILOpCode.Ldloc_0 and <= ILOpCode.Ldloc_3: body.Add(new IlInstruction(op, Local: op - ILOpCode.Ldloc_0)); continue;
                case >= ILOpCode.Stloc_0 and <= ILOpCode.Stloc_3: body.Add(new IlInstruction(op, Local: op - ILOpCode.Stloc_0)); continue;
                case ILOpCode.Ldloc_s or ILOpCode.Stloc_s: body.Add(new IlInstruction(op, Local: il.ReadByte())); continue;
                case ILOpCode.Ldloc or ILOpCode.Stloc: body.Add(new IlInstruction(op, Local: il.ReadUInt16())); continue;
            }
            body.Add(new IlInstruction(op));
            var size = operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 * il.ReadInt32(), // the count is read, the targets skipped
                _ => 4,
            };
            il.Offset += size;
        }
        return body;
    }

    /// <summary>Type and method names as text, the same whichever assembly defines or references them.</summary>
    private sealed class Names(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public (string Key, string Returns) Method(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                    var def = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return Key(Type(def.GetDeclaringType()), md.GetString(def.Name), def.DecodeSignature(this, null));
                case HandleKind.MemberReference:
                    var reference = md.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = reference.Parent;
                    var type = parent.Kind switch
                    {
                        HandleKind.TypeDefinition => Type((TypeDefinitionHandle)parent),
                        HandleKind.TypeReference => Type((TypeReferenceHandle)parent),
                        HandleKind.TypeSpecification => Generic(md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(this, null)),
                        HandleKind.MethodDefinition => Method(parent).Key.Split("::")[0],
                        _ => "<module>",
                    };
                    return Key(type, md.GetString(reference.Name), reference.DecodeMethodSignature(this, null));
                case HandleKind.MethodSpecification:
                    return Method(md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
                default:
                    throw new InvalidOperationException($"a method token of kind {handle.Kind}");
            }
        }

        private static (string, string) Key(string type, string name, MethodSignature<string> signature) =>
            ($"{type}::{name}({string.Join(",", signature.ParameterTypes)})", signature.ReturnType);

        /// <summary>A generic instance's type (Module`2&lt;Tensor,Tensor&gt;) as its definition (Module`2).</summary>
        private static string Generic(string instance) => instance.IndexOf('<') is var i and > 0 ? instance[..i] : instance;

        private string Type(TypeDefinitionHandle handle)
        {
            var def = md.GetTypeDefinition(handle);
            var outer = def.GetDeclaringType();
            return outer.IsNil ? Qualified(md.GetString(def.Namespace), md.GetString(def.Name)) : Type(outer) + "+" + md.GetString(def.Name);
        }

        private string Type(TypeReferenceHandle handle)
        {
            var reference = md.GetTypeReference(handle);
            return reference.ResolutionScope.Kind == HandleKind.TypeReference
                ? Type((TypeReferenceHandle)reference.ResolutionScope) + "+" + md.GetString(reference.Name)
                : Qualified(md.GetString(reference.Namespace), md.GetString(reference.Name));
        }

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Type(handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Type(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
    }
}

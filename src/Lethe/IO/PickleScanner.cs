using System.Text;

namespace Lethe.IO;

/// <summary>
/// Walks a pickle's opcodes without running them and refuses any global a PyTorch state_dict does not need.
/// </summary>
/// <remarks>
/// A pickle names the functions its loader must call (GLOBAL, INST), so a general unpickler runs whatever the author
/// chose: testvectors/hostile.pth calls posix.system. Razorvine.Pickle 1.5 (under PyBridge's and Lethe's unpicklers) cannot call Python:
/// it turns an unknown global into a placeholder that refuses arguments (that file fails with a PickleException) or
/// becomes an inert dictionary, so it runs nothing. But it resolves globals through a process-wide registry that any
/// library may extend, and a placeholder would come back as an entry of the state_dict. Checking the names first keeps
/// the guarantee in our own code, independent of that registry and of future versions, and gives the user a message
/// that names the offending function.
/// </remarks>
internal static class PickleScanner
{
    /// <summary>
    /// The globals of torch.save(model.state_dict()): the dict type, the tensor rebuilders, storage types. A trainer's
    /// checkpoint around the weights (epoch, scores, an optimizer's state_dict) adds only ints, floats, strings, lists,
    /// tuples and dicts, which a pickle builds with opcodes of its own, and momentum buffers, which are tensors.
    /// </summary>
    private static readonly HashSet<string> AllowedGlobals =
    [
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter",
        .. TorchStorageTypes.ByName.Keys.Select(type => $"torch.{type}"),
    ];

    /// <summary>Throws <see cref="InvalidDataException"/> (naming <paramref name="file"/>) at the first refused opcode or global.</summary>
    public static void Check(ReadOnlySpan<byte> pickle, string file)
    {
        int position = 0;
        while (true)
        {
            if (position >= pickle.Length) throw Refuse(file, "its pickle ends without a STOP opcode (truncated)");
            byte opcode = pickle[position++];
            if (opcode == (byte)'.') return;
            position = Skip(pickle, position, opcode, file);
        }
    }

    /// <summary>Checks the opcode's argument and returns the position of the next opcode.</summary>
    private static int Skip(ReadOnlySpan<byte> pickle, int position, byte opcode, string file)
    {
        switch (opcode)
        {
            case (byte)'c' or (byte)'i': // GLOBAL, INST: "module\nname\n"
                var module = ReadLine(pickle, ref position, file);
                var name = ReadLine(pickle, ref position, file);
                RequireAllowed($"{module}.{name}", file);
                return position;
            case 0x93: // STACK_GLOBAL takes its names from the stack, which a scan cannot see without running the pickle.
                throw Refuse(file, "its pickle uses protocol 4 or later (STACK_GLOBAL), which Lethe does not read; " +
                    "re-save it with torch.save's default protocol");
            case 0x82 or 0x83 or 0x84: // EXT1/2/4 name globals through Python's copyreg registry.
                throw Refuse(file, "its pickle uses an extension code (EXT opcode), which a state_dict never needs");
        }
        return ArgumentSize(opcode) switch
        {
            Argument.None => position,
            Argument.Line => SkipLine(pickle, position, file),
            Argument.Fixed1 => Advance(pickle, position, 1, file),
            Argument.Fixed2 => Advance(pickle, position, 2, file),
            Argument.Fixed4 => Advance(pickle, position, 4, file),
            Argument.Fixed8 => Advance(pickle, position, 8, file),
            Argument.Counted1 => Advance(pickle, position + 1, Length(pickle, position, 1, file), file),
            Argument.Counted4 => Advance(pickle, position + 4, Length(pickle, position, 4, file), file),
            Argument.Counted8 => Advance(pickle, position + 8, Length(pickle, position, 8, file), file),
            _ => throw Refuse(file, $"its pickle has an unknown opcode 0x{opcode:x2}"),
        };
    }

    private enum Argument { Unknown, None, Line, Fixed1, Fixed2, Fixed4, Fixed8, Counted1, Counted4, Counted8 }

    /// <summary>The argument layout of each opcode of pickle protocols 0-5 (Python's pickletools), except the globals.</summary>
    private static Argument ArgumentSize(byte opcode) => opcode switch
    {
        (byte)'(' or (byte)'0' or (byte)'1' or (byte)'2' or (byte)'N' or (byte)'R' or (byte)'a' or (byte)'b' or (byte)'d'
            or (byte)'}' or (byte)'e' or (byte)'l' or (byte)']' or (byte)'o' or (byte)'s' or (byte)'t' or (byte)')'
            or (byte)'u' or (byte)'Q' or 0x81 or 0x85 or 0x86 or 0x87 or 0x88 or 0x89 or 0x8f or 0x90 or 0x91 or 0x92
            or 0x94 or 0x97 or 0x98 => Argument.None,
        (byte)'F' or (byte)'I' or (byte)'L' or (byte)'S' or (byte)'V' or (byte)'P' or (byte)'g' or (byte)'p' => Argument.Line,
        (byte)'K' or (byte)'h' or (byte)'q' or 0x80 => Argument.Fixed1,
        (byte)'M' => Argument.Fixed2,
        (byte)'J' or (byte)'j' or (byte)'r' => Argument.Fixed4,
        (byte)'G' or 0x95 => Argument.Fixed8,
        (byte)'U' or (byte)'C' or 0x8c or 0x8a => Argument.Counted1,
        (byte)'T' or (byte)'B' or (byte)'X' or 0x8b => Argument.Counted4,
        0x8d or 0x8e or 0x96 => Argument.Counted8,
        _ => Argument.Unknown,
    };

    private static void RequireAllowed(string global, string file)
    {
        if (!AllowedGlobals.Contains(global))
            throw Refuse(file, $"its pickle calls '{global}', which a PyTorch state_dict never needs; " +
                "refusing to load it (it may run code when Python unpickles it)");
    }

    private static string ReadLine(ReadOnlySpan<byte> pickle, ref int position, string file)
    {
        int end = SkipLine(pickle, position, file);
        var line = Encoding.UTF8.GetString(pickle[position..(end - 1)]);
        position = end;
        return line;
    }

    /// <summary>The position after the next newline.</summary>
    private static int SkipLine(ReadOnlySpan<byte> pickle, int position, string file)
    {
        int newline = pickle[position..].IndexOf((byte)'\n');
        if (newline < 0) throw Truncated(file);
        return position + newline + 1;
    }

    /// <summary>A little-endian length of <paramref name="width"/> bytes at <paramref name="position"/>.</summary>
    private static long Length(ReadOnlySpan<byte> pickle, int position, int width, string file)
    {
        Advance(pickle, position, width, file);
        long length = 0;
        for (int i = width - 1; i >= 0; i--) length = (length << 8) | pickle[position + i];
        return length;
    }

    private static int Advance(ReadOnlySpan<byte> pickle, int position, long count, string file)
    {
        if (count < 0 || count > pickle.Length - position) throw Truncated(file);
        return position + (int)count;
    }

    private static InvalidDataException Truncated(string file) => Refuse(file, "its pickle is truncated");

    private static InvalidDataException Refuse(string file, string problem) => new($"{file}: {problem}");
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Lethe.IO;

/// <summary>
/// Walks a pickle (protocols 0 to 5) without running it, and refuses one that names a function that runs code (see
/// <see cref="CodeRunningGlobals"/>) or a global it cannot name.
/// </summary>
/// <remarks>
/// A pickle names the functions its loader must call (GLOBAL and INST; from protocol 4, STACK_GLOBAL with the two
/// strings pushed before it), so a general unpickler runs whatever the author chose: testvectors/hostile.pth calls
/// posix.system. Razorvine.Pickle 1.5 (under PyBridge's and Lethe's unpicklers) cannot call Python: it builds a global
/// from its process-wide registry of .NET constructors, or else as an inert record that refuses arguments. Checking the
/// names first keeps the refusal of hostile files in our own code, independent of that registry and of future versions,
/// and gives the user a message that names the offending function.
/// Protocol 5's out-of-band buffers (NEXT_BUFFER) are bytes a file cannot hold: pickle.dumps hands them to a callback,
/// which torch.save never passes, so such a pickle is refused. READONLY_BUFFER only marks a buffer read-only, and is read.
/// </remarks>
internal static class PickleScanner
{
    /// <summary>Throws <see cref="InvalidDataException"/> (naming <paramref name="file"/>) at the first refused opcode or global.</summary>
    public static void Check(ReadOnlySpan<byte> pickle, string file)
    {
        var strings = new PickleStackStrings();
        int position = 0;
        while (true)
        {
            if (position >= pickle.Length) throw Refuse(file, "its pickle ends without a STOP opcode (truncated)");
            byte opcode = pickle[position++];
            if (opcode == PickleOpcodes.Stop) return;
            position = Step(pickle, position, opcode, strings, file);
        }
    }

    /// <summary>Checks one opcode and its argument and returns the position of the next opcode.</summary>
    private static int Step(ReadOnlySpan<byte> pickle, int position, byte opcode, PickleStackStrings strings, string file)
    {
        switch (opcode)
        {
            case PickleOpcodes.Global or PickleOpcodes.Inst: // "module\nname\n"
                var module = ReadLine(pickle, ref position, file);
                RequireInert(module, ReadLine(pickle, ref position, file), file);
                strings.Forget();
                return position;
            case PickleOpcodes.StackGlobal:
                var (stackModule, name) = strings.TakeGlobal() ?? throw Refuse(file,
                    "its pickle names a global (STACK_GLOBAL) with strings made while loading, which cannot be checked without running it");
                RequireInert(stackModule, name, file);
                return position;
            case PickleOpcodes.Ext1 or PickleOpcodes.Ext2 or PickleOpcodes.Ext4:
                throw Refuse(file, "its pickle uses an extension code (EXT opcode), which names a global through Python's copyreg registry; a checkpoint never needs one");
            case PickleOpcodes.NextBuffer:
                throw Refuse(file, "its pickle refers to an out-of-band buffer (protocol 5's NEXT_BUFFER), whose bytes are not in the file");
        }
        int next = Skip(pickle, position, opcode, file);
        Follow(strings, opcode, pickle[position..next], file);
        return next;
    }

    /// <summary>The position after <paramref name="opcode"/>'s argument, which starts at <paramref name="position"/>.</summary>
    private static int Skip(ReadOnlySpan<byte> pickle, int position, byte opcode, string file) => PickleOpcodes.Argument(opcode) switch
    {
        PickleArgument.None => position,
        PickleArgument.Line => SkipLine(pickle, position, file),
        PickleArgument.Fixed1 => Advance(pickle, position, 1, file),
        PickleArgument.Fixed2 => Advance(pickle, position, 2, file),
        PickleArgument.Fixed4 => Advance(pickle, position, 4, file),
        PickleArgument.Fixed8 => Advance(pickle, position, 8, file),
        PickleArgument.Counted1 => Advance(pickle, position + 1, Length(pickle, position, 1, file), file),
        PickleArgument.Counted4 => Advance(pickle, position + 4, Length(pickle, position, 4, file), file),
        PickleArgument.Counted8 => Advance(pickle, position + 8, Length(pickle, position, 8, file), file),
        _ => throw Refuse(file, $"its pickle has an unknown opcode 0x{opcode:x2}"),
    };

    /// <summary>What the opcode does to the strings on top of the stack, for a later STACK_GLOBAL.</summary>
    private static void Follow(PickleStackStrings strings, byte opcode, ReadOnlySpan<byte> argument, string file)
    {
        switch (opcode)
        {
            case PickleOpcodes.ShortBinUnicode: strings.Push(Encoding.UTF8.GetString(argument[1..])); break;
            case PickleOpcodes.BinUnicode: strings.Push(Encoding.UTF8.GetString(argument[4..])); break;
            case PickleOpcodes.BinUnicode8: strings.Push(Encoding.UTF8.GetString(argument[8..])); break;
            case PickleOpcodes.Put: strings.Store(Slot(argument[..^1], file)); break;
            case PickleOpcodes.BinPut: strings.Store(argument[0]); break;
            case PickleOpcodes.LongBinPut: strings.Store(BinaryPrimitives.ReadInt32LittleEndian(argument)); break;
            case PickleOpcodes.Memoize: strings.Memoize(); break;
            case PickleOpcodes.Get: strings.Fetch(Slot(argument[..^1], file)); break;
            case PickleOpcodes.BinGet: strings.Fetch(argument[0]); break;
            case PickleOpcodes.LongBinGet: strings.Fetch(BinaryPrimitives.ReadInt32LittleEndian(argument)); break;
            case PickleOpcodes.Proto or PickleOpcodes.Frame: break; // neither touches the stack
            default: strings.Forget(); break;
        }
    }

    /// <summary>The memo slot of PUT and GET, written in decimal.</summary>
    private static int Slot(ReadOnlySpan<byte> digits, string file) =>
        int.TryParse(Encoding.ASCII.GetString(digits), NumberStyles.Integer, CultureInfo.InvariantCulture, out var slot)
            ? slot : throw Refuse(file, "its pickle has a memo slot that is not a number");

    private static void RequireInert(string module, string name, string file)
    {
        if (CodeRunningGlobals.Contains(module, name))
            throw Refuse(file, $"its pickle calls '{module}.{name}', which runs code when Python loads the file; " +
                "refusing it (the file may be hostile)");
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

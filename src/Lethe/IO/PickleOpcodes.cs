namespace Lethe.IO;

/// <summary>How the argument of each opcode of pickle protocols 0 to 5 is laid out after the opcode byte (Python's pickletools).</summary>
internal enum PickleArgument
{
    /// <summary>Not an opcode of protocols 0 to 5.</summary>
    Unknown,
    None,

    /// <summary>Text up to and including a newline.</summary>
    Line,
    Fixed1,
    Fixed2,
    Fixed4,
    Fixed8,

    /// <summary>A little-endian length of 1, 4 or 8 bytes, then that many bytes.</summary>
    Counted1,
    Counted4,
    Counted8,
}

internal static class PickleOpcodes
{
    public const byte Stop = (byte)'.';
    public const byte Global = (byte)'c';
    public const byte Inst = (byte)'i';
    public const byte StackGlobal = 0x93;
    public const byte Ext1 = 0x82, Ext2 = 0x83, Ext4 = 0x84;
    public const byte NextBuffer = 0x97;
    public const byte Proto = 0x80, Frame = 0x95;
    public const byte BinUnicode = (byte)'X', ShortBinUnicode = 0x8c, BinUnicode8 = 0x8d;
    public const byte Put = (byte)'p', BinPut = (byte)'q', LongBinPut = (byte)'r', Memoize = 0x94;
    public const byte Get = (byte)'g', BinGet = (byte)'h', LongBinGet = (byte)'j';

    /// <summary>
    /// The layout of <paramref name="opcode"/>'s argument; Unknown for the opcodes a scan handles itself (GLOBAL and INST,
    /// whose argument is two lines; STACK_GLOBAL, the EXT codes, NEXT_BUFFER) and for bytes that are no opcode.
    /// </summary>
    public static PickleArgument Argument(byte opcode) => opcode switch
    {
        (byte)'(' or (byte)'0' or (byte)'1' or (byte)'2' or (byte)'N' or (byte)'R' or (byte)'a' or (byte)'b' or (byte)'d'
            or (byte)'}' or (byte)'e' or (byte)'l' or (byte)']' or (byte)'o' or (byte)'s' or (byte)'t' or (byte)')'
            or (byte)'u' or (byte)'Q' or 0x81 or 0x85 or 0x86 or 0x87 or 0x88 or 0x89 or 0x8f or 0x90 or 0x91 or 0x92
            or Memoize or 0x98 => PickleArgument.None,
        (byte)'F' or (byte)'I' or (byte)'L' or (byte)'S' or (byte)'V' or (byte)'P' or Get or Put => PickleArgument.Line,
        (byte)'K' or BinGet or BinPut or Proto => PickleArgument.Fixed1,
        (byte)'M' => PickleArgument.Fixed2,
        (byte)'J' or LongBinGet or LongBinPut => PickleArgument.Fixed4,
        (byte)'G' or Frame => PickleArgument.Fixed8,
        (byte)'U' or (byte)'C' or ShortBinUnicode or 0x8a => PickleArgument.Counted1,
        (byte)'T' or (byte)'B' or BinUnicode or 0x8b => PickleArgument.Counted4,
        BinUnicode8 or 0x8e or 0x96 => PickleArgument.Counted8,
        _ => PickleArgument.Unknown,
    };
}

using System.Text;
using Lethe.IO;

namespace Lethe.Tests.IO;

public class PickleScannerTests
{
    /// <summary>A pickle from text, one byte per character (\u00NN, since C#'s \x would swallow the hex letters after it).</summary>
    private static byte[] Pickle(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void A_state_dict_shaped_pickle_passes()
    {
        // OrderedDict(); then a BINUNICODE key whose text looks like a GLOBAL, which the scan must skip as data.
        var key = "cos\nsystem\n";
        PickleScanner.Check(Pickle($"\u0080\u0002ccollections\nOrderedDict\nq\u0000)Rq\u0001X{(char)key.Length}\0\0\0{key}ctorch\nFloatStorage\n0."), "ok.pth");
    }

    [Theory]
    [InlineData("\u0080\u0004\u0095\u0005\0\0\0\0\0\0\0\u008c\u000bcollections\u0094\u008c\u000bOrderedDict\u0094\u0093\u0094)R.")] // torch.save, protocol 4
    [InlineData("\u0080\u0002cargparse\nNamespace\n)\u0081}b.")] // timm's run arguments
    [InlineData("\u0080\u0002cnumpy.core.multiarray\nscalar\ncnumpy\ndtype\n.")] // a NumPy best accuracy
    [InlineData("\u0080\u0002cbuiltins\nset\n.")]
    [InlineData("\u0080\u0005\u0096\u0001\0\0\0\0\0\0\0x\u0098.")] // protocol 5: BYTEARRAY8, READONLY_BUFFER
    [InlineData("\u0080\u0004\u008e\u0002\0\0\0\0\0\0\0os\u008d\u0002\0\0\0\0\0\0\0hi.")] // BINBYTES8, BINUNICODE8
    [InlineData("\u0080\u0004\u008c\u0005torch\u0094\u008c\u000cFloatStorage\u0093\u008c\u0003cpu\u0094h\u0000\u008c\u000bLongStorage\u0093.")] // a module from the memo
    public void Data_and_the_objects_trainers_keep_pass(string pickle) => PickleScanner.Check(Pickle(pickle), "ok.pth");

    [Theory]
    [InlineData("\u0080\u0002cposix\nsystem\nX\u0001\0\0\0xR.", "'posix.system'")]
    [InlineData("(S'rm'\nios\nsystem\n.", "'os.system'")]
    [InlineData("\u0080\u0002cbuiltins\neval\n.", "'builtins.eval'")]
    [InlineData("\u0080\u0002csubprocess\nPopen\n.", "'subprocess.Popen'")]
    [InlineData("\u0080\u0002cos.path\nexists\n.", "'os.path.exists'")]
    [InlineData("\u0080\u0004\u008c\u0002os\u008c\u0006system\u0093.", "'os.system', which runs code")]
    [InlineData("\u0080\u0004\u0095\u0002\0\0\0\0\0\0\0\u008c\u0002nt\u0094\u008c\u0001x\u0094\u0030h\u0000\u008c\u0006system\u0093.", "'nt.system'")] // module from the memo
    [InlineData("\u0080\u0004\u008c\u0005posix\u0094\u008c\u0006system\u0094\u0030\u0030h\u0000h\u0001\u0093.", "'posix.system'")] // both from the memo
    [InlineData("\u0080\u0004\u008d\u0002\0\0\0\0\0\0\0os\u008c\u0006system\u0093.", "'os.system'")] // BINUNICODE8
    [InlineData("\u0080\u0004N\u008c\u0006system\u0093.", "strings made while loading")] // the module is no literal
    [InlineData("\u0080\u0004\u008e\u0002\0\0\0\0\0\0\0os\u008c\u0006system\u0093.", "strings made while loading")] // bytes, not a str
    [InlineData("\u0080\u0004\u008c\u0002os\u008c\u0006system(\u0093.", "strings made while loading")]
    [InlineData("\u0080\u0005\u0097\u0098.", "out-of-band buffer")]
    [InlineData("\u0080\u0002\u0082\u0001.", "extension code")]
    [InlineData("\u0080\u0002\u00ff.", "unknown opcode 0xff")]
    [InlineData("\u0080\u0002X\u00ff\0\0\0abc.", "truncated")]
    [InlineData("\u0080\u0002ccollections\nOrderedDict\n", "STOP")]
    public void Anything_else_is_refused_with_the_file_named(string pickle, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => PickleScanner.Check(Pickle(pickle), "bad.pth"));
        Assert.StartsWith("bad.pth: ", error.Message);
        Assert.Contains(reason, error.Message);
    }
}

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
    [InlineData("\u0080\u0002cposix\nsystem\nX\u0001\0\0\0xR.", "'posix.system'")]
    [InlineData("(S'rm'\nios\nsystem\n.", "'os.system'")]
    [InlineData("\u0080\u0002cbuiltins\neval\n.", "'builtins.eval'")]
    [InlineData("\u0080\u0004\u008c\u0002os\u008c\u0006system\u0093.", "protocol 4")]
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

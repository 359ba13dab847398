using System.Buffers.Binary;
using System.Text;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>Damaged and foreign safetensors headers are refused in one line naming the file, before anything is allocated.</summary>
public class SafetensorsFileTests
{
    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, null)]
    [InlineData("""{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, null)]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 4, "does not fit its data_offsets [0,8] in the file's 4 bytes of tensors")]
    [InlineData("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "tensor 'w' of dtype F32 and shape [3] does not fit")]
    [InlineData("""{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}""", 8, "does not fit")]
    [InlineData("""{"w":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}}""", 8, "tensor 'w' has dtype F8_E4M3, which Lethe does not read")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2]}}""", 8, "its safetensors entry 'w' lacks a dtype, a shape or two data_offsets")]
    [InlineData("""{"w":{"dtype":"F32",""", 8, "its safetensors header is not JSON")]
    [InlineData("""[1]""", 8, "its safetensors header is not a JSON object")]
    public void A_header_is_checked_before_the_tensors_are_read(string header, int dataBytes, string? problem)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);

        using var scope = NewDisposeScope();
        if (problem is null)
        {
            Assert.Equal([0f, 0f], PyTorchCheckpoint.Read(path).Tensors["w"].data<float>().ToArray());
            return;
        }
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Read(path));
        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_header_longer_than_the_file_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cut.safetensors");
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1UL << 40); // 1 TB of header claimed in a 16-byte file
        bytes[8] = (byte)'{';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Read(path));
        Assert.Equal($"{path}: its safetensors header claims 1099511627776 bytes, more than the file's 8 after the length", error.Message);
    }
}

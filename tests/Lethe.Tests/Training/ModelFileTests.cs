using Lethe.Tests.Support;
using Lethe.Training;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

public class ModelFileTests
{
    [Fact]
    public void Either_kind_of_file_loads_whatever_its_extension()
    {
        using var dir = new TempDirectory();
        using var model = ModelWithStatistics(2);
        var lethe = Path.Combine(dir.Path, "model.ckpt");
        var pth = Path.Combine(dir.Path, "model.weights"); // a zip is a .pth by content
        Checkpoint.Save(model, lethe);
        PyTorchCheckpoint.Save(model, pth, Lethe.Models.TaskNames.Resolve("young"));

        Assert.False(ModelFile.IsPyTorch(lethe));
        Assert.True(ModelFile.IsPyTorch(pth));
        using var fromLethe = ModelFile.Load(lethe, "young", CPU);
        using var fromPth = ModelFile.Load(pth, "mucac-young", CPU);
        AssertIdentical(model, fromLethe);
        AssertIdentical(model, fromPth);
    }

    [Fact]
    public void A_damaged_pth_gets_the_pytorch_readers_message()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.pth");
        File.WriteAllBytes(path, [1, 2, 3]);
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, "mufac", CPU));
        Assert.StartsWith($"{path}: not a PyTorch checkpoint", error.Message);
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(Path.Combine(dir.Path, "none.ckpt"), "mufac", CPU));
    }
}

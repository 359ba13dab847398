using Lethe.Tests.Support;
using Lethe.Training;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

public class ModelFileTests
{
    [Fact]
    public void A_lethe_checkpoint_loads()
    {
        using var dir = new TempDirectory();
        using var model = ModelWithStatistics(2);
        var path = Path.Combine(dir.Path, "model.ckpt");
        Checkpoint.Save(model, path);

        Assert.False(ModelFile.IsPyTorch(path));
        using var loaded = ModelFile.Load(path, "young", CPU);
        AssertIdentical(model, loaded);
    }

    [Fact]
    public void A_zip_goes_to_the_pytorch_reader_whatever_its_extension()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "model.weights");
        WriteTinyStateDict(path, ResNetKeys(2).Where(k => k != "fc.bias"));

        Assert.True(ModelFile.IsPyTorch(path));
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, "mucac-young", CPU));
        Assert.Contains("missing key fc.bias, which resnet18 for task 'mucac-young' needs", error.Message);
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

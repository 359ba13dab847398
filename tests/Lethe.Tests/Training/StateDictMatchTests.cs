using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>The checks on tiny made-up state_dicts; the file-level tests show the same messages come out of .pth files.</summary>
public class StateDictMatchTests
{
    private static Dictionary<string, Tensor> Model() => new()
    {
        ["conv1.weight"] = zeros(4, 3),
        ["bn1.num_batches_tracked"] = zeros(Array.Empty<long>(), ScalarType.Int64),
        ["fc.weight"] = zeros(3, 4),
        ["fc.bias"] = zeros(3),
    };

    private static string Refusal(Dictionary<string, Tensor> file) =>
        Assert.Throws<InvalidDataException>(() => StateDictMatch.Pair(file, Model(), "m.pth", "mucac")).Message;

    [Fact]
    public void A_nested_head_pairs_with_the_flat_one()
    {
        var file = Model();
        file["fc.fc.weight"] = file["fc.weight"];
        file["fc.fc.bias"] = file["fc.bias"];
        file.Remove("fc.weight");
        file.Remove("fc.bias");
        var pairs = StateDictMatch.Pair(file, Model(), "m.pth", "mucac");
        Assert.Contains(("fc.fc.weight", "fc.weight"), pairs);
        Assert.Equal(4, pairs.Count);
    }

    [Fact]
    public void Missing_unexpected_and_doubled_keys_are_named()
    {
        var missing = Model();
        missing.Remove("conv1.weight");
        missing.Remove("fc.bias");
        Assert.Equal("m.pth: missing key conv1.weight (and 1 more), which resnet18 for task 'mucac' needs", Refusal(missing));

        var unexpected = Model();
        unexpected["layer5.weight"] = zeros(1);
        Assert.Equal("m.pth: unexpected key layer5.weight, which a torchvision resnet18 does not have", Refusal(unexpected));

        var doubled = Model();
        doubled["fc.fc.weight"] = doubled["fc.weight"];
        Assert.Equal("m.pth: has both fc.fc.weight and fc.weight, which are the same tensor", Refusal(doubled));
    }

    [Fact]
    public void A_shape_names_the_owner_and_both_shapes()
    {
        var head = Model();
        head["fc.weight"] = zeros(8, 4);
        Assert.Equal("m.pth: fc.weight has shape [8,4] but task 'mucac' needs [3,4]", Refusal(head));

        var body = Model();
        body["conv1.weight"] = zeros(4, 1);
        Assert.Equal("m.pth: conv1.weight has shape [4,1] but resnet18 needs [4,3]", Refusal(body));
    }

    [Fact]
    public void Floating_dtypes_convert_but_an_integer_counter_must_stay_integer()
    {
        var halves = Model();
        halves["fc.weight"] = zeros(3, 4, ScalarType.Float16);
        halves["conv1.weight"] = zeros(4, 3, ScalarType.Float64);
        Assert.Equal(4, StateDictMatch.Pair(halves, Model(), "m.pth", "mucac").Count);

        var counter = Model();
        counter["bn1.num_batches_tracked"] = zeros(Array.Empty<long>());
        Assert.Equal("m.pth: bn1.num_batches_tracked has dtype Float32 but resnet18 needs Int64", Refusal(counter));
    }
}

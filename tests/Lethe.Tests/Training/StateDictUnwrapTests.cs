using System.Collections;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>The rules for finding the weights in what torch.save was given, on unpickled objects (no files).</summary>
public class StateDictUnwrapTests
{
    private static readonly string[] ModelKeys = ["conv.weight", "bn.weight", "bn.num_batches_tracked", "fc.weight"];

    private static Hashtable Weights(params string[] keys)
    {
        var dict = new Hashtable();
        foreach (var key in keys) dict[key] = zeros(1);
        return dict;
    }

    [Fact]
    public void A_prefix_that_names_a_module_of_the_model_stays()
    {
        // A file of the head alone: every key starts with fc., which is the model's own module, not a wrapper.
        using var scope = NewDisposeScope();
        var file = StateDictUnwrap.Unwrap(Weights("fc.weight", "fc.bias"), ModelKeys, "head.pth");
        Assert.Equal(["fc.bias", "fc.weight"], file.Tensors.Keys.Order());
        Assert.Empty(file.Changes);
    }

    [Fact]
    public void Without_model_keys_no_prefix_is_removed()
    {
        using var scope = NewDisposeScope();
        var file = StateDictUnwrap.Unwrap(Weights("module.conv.weight"), modelKeys: null, "m.pth");
        Assert.Equal(["module.conv.weight"], file.Tensors.Keys);
    }

    [Fact]
    public void State_dict_is_chosen_over_another_dict_of_tensors()
    {
        using var scope = NewDisposeScope();
        var saved = new Hashtable { ["state_dict"] = Weights("conv.weight"), ["state_dict_ema"] = Weights("conv.weight"), ["epoch"] = 3 };
        var file = StateDictUnwrap.Unwrap(saved, ModelKeys, "ema.pth");
        Assert.Equal(["took the weights under 'state_dict' and skipped 2 other entries: epoch (int), state_dict_ema (dict)"], file.Changes);
    }

    [Fact]
    public void Several_dicts_of_tensors_without_a_known_name_are_refused_naming_them()
    {
        using var scope = NewDisposeScope();
        var saved = new Hashtable { ["student"] = Weights("conv.weight"), ["teacher"] = Weights("conv.weight") };
        var error = Assert.Throws<InvalidDataException>(() => StateDictUnwrap.Unwrap(saved, ModelKeys, "/x/kd.pth"));
        Assert.Equal("/x/kd.pth: holds several dicts of tensors (student, teacher); re-save the one you mean with "
            + "torch.save(torch.load(\"kd.pth\")[\"student\"], \"weights.pth\")", error.Message);
    }

    [Fact]
    public void A_non_tensor_among_the_weights_is_refused_naming_it()
    {
        using var scope = NewDisposeScope();
        var weights = Weights("conv.weight");
        weights["epoch"] = 3;
        var error = Assert.Throws<InvalidDataException>(() => StateDictUnwrap.Unwrap(weights, ModelKeys, "mixed.pth"));
        Assert.Equal("mixed.pth: entry 'epoch' (int) is not a tensor", error.Message);
    }

    [Fact]
    public void Metadata_versions_lose_the_removed_prefix()
    {
        using var scope = NewDisposeScope();
        var weights = new PickledOrderedDict { ["module.bn.weight"] = zeros(1) };
        weights.__setstate__(new Hashtable
        {
            ["_metadata"] = new Hashtable { ["module"] = new Hashtable { ["version"] = 1 }, ["module.bn"] = new Hashtable { ["version"] = 2 } },
        });
        var file = StateDictUnwrap.Unwrap(weights, ModelKeys, "dp.pth");
        Assert.Equal(new Dictionary<string, long> { [""] = 1, ["bn"] = 2 }, file.Versions);
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// The Tiny module of CheckpointFormats/make_fixtures.py (conv 3→4, 3×3, no bias; BatchNorm; linear 16→5) with the
/// same child names, so its state_dict has the same keys: every kind of tensor a ResNet-18 state_dict holds, in a few KB.
/// </summary>
internal sealed class TinyNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv = nn.Conv2d(3, 4, 3, bias: false);
    private readonly BatchNorm2d bn = nn.BatchNorm2d(4);
    private readonly Linear fc = nn.Linear(16, 5);

    public TinyNet() : base("Tiny") => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fc.call(nn.functional.relu(bn.call(conv.call(input))).flatten(1)).MoveToOuterDisposeScope();
    }
}

using static TorchSharp.torch;
var t = ones(2, 3);
Console.WriteLine($"ok {t.sum().item<float>()} {TorchSharp.torch.__version__}");
var m = TorchSharp.torchvision.models.resnet18(num_classes: 8);
Console.WriteLine(m.parameters().Count());

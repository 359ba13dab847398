using System.Diagnostics;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>This machine's training speed, measured in a few steps, to estimate what training will cost before it runs.</summary>
public static class TrainSpeed
{
    /// <summary>
    /// Training images per second of one job at the current torch thread count: 2 warm-up and 4 timed SGD steps of one
    /// batch of random images, with the labels of <paramref name="samples"/> (the first <paramref name="batchSize"/>).
    /// </summary>
    public static double Calibrate(string architecture, PredictionTask task, IReadOnlyList<Sample> samples, int batchSize, int imageSize,
        Device device)
    {
        using var model = Networks.Create(architecture, task.Outputs, device, 0);
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        model.train();
        using var targets = task.Targets(samples.Take(batchSize).ToArray());
        var rows = (int)targets.shape[0];
        using var images = randn(rows, 3, imageSize, imageSize, device: device);
        using var onDevice = targets.to(device);
        var clock = new Stopwatch();
        for (var step = 0; step < 6; step++)
        {
            if (step == 2) clock.Start();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            task.Loss(model.call(images), onDevice).backward();
            optimizer.step();
        }
        return 4.0 * rows / clock.Elapsed.TotalSeconds;
    }
}

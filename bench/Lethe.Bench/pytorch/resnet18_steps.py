"""The same work as Lethe.Bench's side-by-side mode, in plain PyTorch: ResNet-18 training and evaluation steps.

Run by `dotnet run -c Release --project bench/Lethe.Bench -- vs-pytorch ...` when Debian's python3 has torch; never part
of the build or the tests. Prints one JSON line. Mirrors the C# side exactly: batch 64, SGD lr 0.01 momentum 0.9, the
model in train() for training and eval() under no_grad for evaluation, fixed random inputs (model only), 3 warm-up
steps, then `steps` timed steps. An optional fourth argument, a Unix time, makes the timed training steps start
then, so that two processes started together time the same stretch (the harness's two-processes schedule).
"""
import json
import sys
import time

import torch
import torchvision


def main() -> None:
    size, steps, threads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    batch = 64
    model = torchvision.models.resnet18(num_classes=8)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(batch, 3, size, size)
    y = torch.randint(0, 8, (batch,))

    def step() -> None:
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    for _ in range(3):
        step()
    if len(sys.argv) > 4:
        time.sleep(max(0.0, float(sys.argv[4]) - time.time()))
    started = time.time()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    train = steps * batch / (time.perf_counter() - start)
    ended = time.time()

    model.eval()
    with torch.no_grad():
        for _ in range(2):
            model(x)
        start = time.perf_counter()
        for _ in range(steps):
            model(x)
        evaluation = steps * batch / (time.perf_counter() - start)
    print(json.dumps({"torch": torch.__version__, "size": size, "train": train, "eval": evaluation,
                      "started": started, "ended": ended}))


if __name__ == "__main__":
    main()

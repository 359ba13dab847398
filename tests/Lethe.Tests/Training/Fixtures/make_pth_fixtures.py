"""Writes the tiny .pth fixtures of PyTorchCheckpointKindsTests: one file per way people save checkpoints.

Run once with a real PyTorch (Debian's python3-torch 1.13 made the committed files):

    /usr/bin/python3 tests/Lethe.Tests/Training/Fixtures/make_pth_fixtures.py

The build and the tests never run Python; they read only what this script wrote:
  pth/<kind>.pth    the checkpoint as torch.save wrote it
  pth/input.f32     the input the outputs below were computed on, float32 little-endian, shape [2, 3, 4, 4]
  pth/<kind>.f32    Tiny's output [2, 5] after PyTorch loaded that file (float32), for the kinds PyTorch accepts
  pth/expected.json per kind: what PyTorch's strict load_state_dict did ("loads" or its error), whether the
                    weights had to be unwrapped by hand first (as a user would), the file's top-level keys, and
                    num_batches_tracked after the load
"""
import copy
import json
import os
from collections import OrderedDict

import torch
from torch import nn

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pth")


class Tiny(nn.Module):
    """conv + BN + linear: every kind of tensor a ResNet-18 state_dict holds, in a few KB. Mirrored by TinyNet.cs."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(16, 5)

    def forward(self, x):
        return self.fc(torch.relu(self.bn(self.conv(x))).flatten(1))


def trained_state():
    """A state_dict whose BN statistics and counter have moved, so every buffer is worth comparing."""
    torch.manual_seed(0)
    model = Tiny()
    model.train()
    for _ in range(3):
        model(torch.randn(8, 3, 4, 4))
    live = model.state_dict()
    state = OrderedDict((k, v.clone()) for k, v in live.items())
    state._metadata = live._metadata
    return model, state


def views(state):
    """Each tensor of `state` as a view of one flat storage, at its own offset (a flat-parameter trainer's layout)."""
    flat = torch.cat([t.float().flatten() for k, t in state.items() if t.is_floating_point()])
    out, at = OrderedDict(), 0
    for k, t in state.items():
        if t.is_floating_point():
            out[k] = flat[at:at + t.numel()].view_as(t)
            at += t.numel()
        else:
            out[k] = t
    return out


def kinds(model, state):
    """(kind, object given to torch.save, whether a user must unwrap it by hand before load_state_dict)."""
    def clone(prefix=""):
        return OrderedDict((prefix + k, v.clone()) for k, v in state.items())

    offset = clone()
    big = torch.zeros(7 + state["conv.weight"].numel() + 3)
    big[7:7 + state["conv.weight"].numel()] = state["conv.weight"].flatten()
    offset["conv.weight"] = big[7:7 + state["conv.weight"].numel()].view_as(state["conv.weight"])

    transposed = clone()
    transposed["fc.weight"] = state["fc.weight"].t().contiguous().t()  # strides (1, 5): column-major

    shared = clone()
    pair = torch.cat([state["bn.weight"], state["bn.bias"]])
    shared["bn.weight"], shared["bn.bias"] = pair[:4], pair[4:]

    no_counter = OrderedDict((k, v) for k, v in clone().items() if not k.endswith("num_batches_tracked"))
    # A pre-0.4.1 file re-saved: its metadata says BatchNorm version 1 (the counter came with version 2).
    old_bn = clone()
    old_bn._metadata = state._metadata.copy()
    old_bn._metadata["bn"] = dict(version=1)
    del old_bn["bn.num_batches_tracked"]
    # The counter deleted from a current state_dict: metadata still says version 2, so PyTorch refuses it.
    deleted_counter = clone()
    deleted_counter._metadata = state._metadata
    del deleted_counter["bn.num_batches_tracked"]

    # A trainer's optimizer state (ints, floats, lists, momentum tensors), from a copy so the weights stay as saved.
    trainer = copy.deepcopy(model)
    optimizer = torch.optim.SGD(trainer.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
    trainer(torch.randn(2, 3, 4, 4)).sum().backward()
    optimizer.step()
    wrapped = {"state_dict": clone(), "epoch": 12, "optimizer": optimizer.state_dict(), "best_acc": 0.5123}
    no_weights = {"epoch": 12, "optimizer": optimizer.state_dict(), "best_acc": 0.5123}

    yield "offset", offset, False
    yield "transposed", transposed, False
    yield "shared", shared, False
    yield "flat", views(state), False
    yield "no_counter", no_counter, False
    yield "old_bn_version", old_bn, False
    yield "deleted_counter", deleted_counter, False
    yield "parameters", model.state_dict(keep_vars=True), False
    yield "wrapped", wrapped, True
    yield "model_key", {"model": clone(), "epoch": 3}, True
    yield "module_prefix", clone("module."), True
    yield "orig_mod_prefix", clone("_orig_mod."), True
    yield "both_prefixes", clone("module._orig_mod."), True
    yield "no_weights", no_weights, True


def unwrap(saved):
    """What a user does by hand before load_state_dict: take the weights out of the wrapper, drop the prefix."""
    for key in ("state_dict", "model"):
        if key in saved:
            saved = saved[key]
    for prefix in ("module.", "_orig_mod."):
        if all(k.startswith(prefix) for k in saved):
            saved = OrderedDict((k[len(prefix):], v) for k, v in saved.items())
    return saved


def main():
    os.makedirs(HERE, exist_ok=True)
    model, state = trained_state()
    torch.manual_seed(1)
    x = torch.randn(2, 3, 4, 4)
    x.numpy().tofile(os.path.join(HERE, "input.f32"))
    expected = {"torch": torch.__version__, "input_shape": [2, 3, 4, 4], "output_shape": [2, 5], "kinds": {}}
    for kind, saved, by_hand in list(kinds(model, state)):
        path = os.path.join(HERE, f"{kind}.pth")
        torch.save(saved, path)
        loaded = torch.load(path)
        given = None if kind == "no_weights" else unwrap(loaded) if by_hand else loaded
        entry = {}
        if given is not None:
            fresh = Tiny()
            try:
                fresh.load_state_dict(given, strict=True)
                entry["pytorch"] = "loads"
                fresh.eval()
                with torch.no_grad():
                    fresh(x).numpy().tofile(os.path.join(HERE, f"{kind}.f32"))
                entry["num_batches_tracked"] = int(fresh.bn.num_batches_tracked)
            except RuntimeError as e:
                entry["pytorch"] = str(e).splitlines()[0] + " " + str(e).splitlines()[1].strip()
        entry["unwrapped_by_hand"] = by_hand and given is not None
        entry["top_level_keys"] = sorted(str(k) for k in loaded.keys())[:12]
        expected["kinds"][kind] = entry
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

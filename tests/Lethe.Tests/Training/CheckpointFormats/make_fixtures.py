"""Writes the tiny checkpoint fixtures of CheckpointFormatTests: one file per format or trainer habit Lethe reads.

Made once with Debian 12's python3-torch 1.13.1 (torch.__version__ 1.13.0a0) and python3-numpy 1.24.2; a re-run
writes the same bytes:

    /usr/bin/python3 tests/Lethe.Tests/Training/CheckpointFormats/make_fixtures.py

Debian 12 has no safetensors package, so the .safetensors files are written here with struct and json exactly as the
format's specification lays them out (https://github.com/huggingface/safetensors#format), and read back the same way.
The build and the tests never run Python; they read only what this script wrote:
  <name>.pth, .pt, .safetensors   the checkpoints (a few KB each)
  expected.json                   the input, and per file: what PyTorch loaded from it (Tiny's outputs in eval mode on
                                  that input, and num_batches_tracked), or for the malicious file what it would run
Every file holds the same trained Tiny, so a reader that gets any tensor wrong gets the outputs wrong.
"""
import argparse
import json
import os
import struct
import sys
import zipfile
from collections import OrderedDict

import numpy
import torch
from torch import nn

# TorchScript writes a module's constants in set order, which follows Python's string hashing: a fixed seed makes a
# re-run write byte-identical files.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = torch.linspace(-2, 2, 2 * 3 * 4 * 4).reshape(2, 3, 4, 4)


class Tiny(nn.Module):
    """conv + BatchNorm + linear: every kind of tensor a ResNet-18 state_dict holds, in a few KB. Mirrored by TinyNet.cs."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(16, 5)

    def forward(self, x):
        return self.fc(torch.relu(self.bn(self.conv(x))).flatten(1))


def trained():
    """A Tiny whose BatchNorm statistics and counter have moved, so every buffer is worth comparing."""
    torch.manual_seed(0)
    model = Tiny()
    model.train()
    for _ in range(3):
        model(torch.randn(8, 3, 4, 4))
    return model.eval()


class RunsCommand:
    """What a hostile checkpoint hides beside the weights: unpickling it calls os.system (posix.system on Linux)."""

    def __reduce__(self):
        return os.system, ("touch lethe-pwned",)


SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64"}


def save_safetensors(state, path, dtype):
    """The format: u64 little-endian header length, the JSON header (padded with spaces to 8 bytes, as the
    safetensors package pads it), then each tensor's raw little-endian bytes at its data_offsets."""
    header, blobs, at = {"__metadata__": {"format": "pt"}}, [], 0
    for key, tensor in state.items():
        tensor = tensor.to(dtype) if tensor.is_floating_point() else tensor
        raw = tensor.contiguous().view(torch.uint8).numpy().tobytes() if tensor.dim() else tensor.reshape(1).view(torch.uint8).numpy().tobytes()
        header[key] = {"dtype": SAFETENSORS_DTYPES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [at, at + len(raw)]}
        blobs.append(raw)
        at += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def load_safetensors(path):
    """The reader for the check below: the same layout, read the other way."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    header.pop("__metadata__", None)
    body = data[8 + length:]
    dtypes = {v: k for k, v in SAFETENSORS_DTYPES.items()}
    state = OrderedDict()
    for key, entry in header.items():
        begin, end = entry["data_offsets"]
        raw = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.uint8)
        state[key] = raw.view(dtypes[entry["dtype"]]).reshape(entry["shape"]).clone()
    return state


def jit_save_without_debug_info(module, path):
    """torch.jit.save, less the code/*.debug_pkl entries: they record this script's absolute path (a machine's folder
    in a committed file), and torch.jit.load does not need them."""
    torch.jit.save(module, path)
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist() if not info.filename.endswith(".debug_pkl")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as target:
        for info, data in entries:
            target.writestr(info, data)


def outputs_of(state):
    """What PyTorch computes from a state_dict: a fresh Tiny, strict load (converting half precision as copy_ does), eval."""
    model = Tiny()
    model.load_state_dict(state)
    model.eval()
    with torch.no_grad():
        out = model(INPUT)
    return {"outputs": out.tolist(), "num_batches_tracked": int(state["bn.num_batches_tracked"])}


def main():
    model = trained()
    state = model.state_dict()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model.train()
    model(torch.randn(8, 3, 4, 4)).sum().backward()
    optimizer.step()  # momentum buffers: tensors in the optimizer's state beside the weights
    model.load_state_dict(state)  # back to the weights saved everywhere
    model.eval()

    def path(name):
        return os.path.join(HERE, name)

    expected = {}
    # timm's CheckpointSaver: the argparse Namespace of the run beside state_dict (timm/utils/checkpoint_saver.py).
    timm = {"epoch": 3, "arch": "tiny", "state_dict": state, "optimizer": optimizer.state_dict(), "version": 2,
            "args": argparse.Namespace(model="tiny", lr=0.1, epochs=4, amp=False, mean=None, input_size=[3, 4, 4]),
            "metric": 61.25}
    torch.save(timm, path("timm_args.pth"))
    expected["timm_args.pth"] = outputs_of(torch.load(path("timm_args.pth"))["state_dict"])

    # Many training scripts keep the best accuracy as NumPy computed it, and a history array.
    numpy_scores = {"state_dict": state, "best_acc": numpy.float64(0.9312), "epoch": 3,
                    "history": numpy.array([0.5, 0.75, 0.9312], dtype=numpy.float32)}
    torch.save(numpy_scores, path("numpy_best_acc.pth"))
    expected["numpy_best_acc.pth"] = outputs_of(torch.load(path("numpy_best_acc.pth"))["state_dict"])

    # Protocol 4 (files over 4 GiB need it): FRAME, MEMOIZE, SHORT_BINUNICODE and STACK_GLOBAL.
    torch.save(state, path("protocol4.pth"), pickle_protocol=4)
    expected["protocol4.pth"] = outputs_of(torch.load(path("protocol4.pth")))

    # Protocol 5, as Ray Train saves: the weights under "model", and a bytearray beside them (BYTEARRAY8).
    torch.save({"model": state, "ray_metadata": bytearray(b"checkpoint 3")}, path("protocol5.pth"), pickle_protocol=5)
    expected["protocol5.pth"] = outputs_of(torch.load(path("protocol5.pth"))["model"])

    for name, dtype in [("tiny.safetensors", torch.float32), ("tiny_f16.safetensors", torch.float16),
                        ("tiny_bf16.safetensors", torch.bfloat16)]:
        save_safetensors(state, path(name), dtype)
        expected[name] = outputs_of(load_safetensors(path(name)))

    jit_save_without_debug_info(torch.jit.script(model), path("scripted.pt"))
    jit_save_without_debug_info(torch.jit.trace(model, INPUT), path("traced.pt"))
    for name in ["scripted.pt", "traced.pt"]:
        expected[name] = outputs_of(torch.jit.load(path(name)).state_dict())

    # Weights that load, and beside them a call PyTorch's torch.load would make (weights_only=False, the default in
    # 1.13): protocol 4, so the call is named by STACK_GLOBAL. Never torch.load this file.
    torch.save({"state_dict": state, "hook": RunsCommand()}, path("malicious.pth"), pickle_protocol=4)
    expected["malicious.pth"] = {"calls": f"{os.system.__module__}.system", "command": "touch lethe-pwned"}

    with open(path("expected.json"), "w") as f:
        json.dump({"made_with": {"torch": torch.__version__, "numpy": numpy.__version__},
                   "input": {"shape": list(INPUT.shape), "values": INPUT.flatten().tolist()},
                   "files": expected}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

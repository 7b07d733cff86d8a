#!/usr/bin/python3
"""Trains PlatePay's whole-plate CTC reader (read.CtcPlateReader) and exports it as ONNX.

Input: a folder written by `./platepay train --ctc-data DIR` (images.u8: N x 32 x 128 bytes, the bright-character
channel of rectified synthetic plates; labels.txt; alphabet.txt). Output: ctc.onnx, softmax probabilities of shape
(1, 32, 1 + len(alphabet)), class 0 the CTC blank.

Reproducible: fixed seeds, one thread, deterministic algorithms, a fixed number of steps (not a time budget).
Run by Debian's python3-torch (1.13) under /usr/bin/python3; nothing is downloaded.
"""
import argparse
import io
import os
import time

import numpy as np
import torch
import torch.nn as nn

H, W = 32, 128
SEED = 20261202


def load(data_dir):
    alphabet = open(os.path.join(data_dir, "alphabet.txt"), encoding="utf-8").read().strip("\n")
    labels = open(os.path.join(data_dir, "labels.txt"), encoding="utf-8").read().split("\n")
    labels = [l for l in labels if l]
    images = np.fromfile(os.path.join(data_dir, "images.u8"), dtype=np.uint8).reshape(-1, H, W)
    assert len(images) == len(labels), (len(images), len(labels))
    return alphabet, images, labels


def normalise(images):
    """As CtcPlateReader.read: per image, zero mean and unit spread (spread at least 8 grey levels)."""
    x = images.astype(np.float64)
    mean = x.mean(axis=(1, 2), keepdims=True)
    sd = np.maximum(np.sqrt(((x - mean) ** 2).mean(axis=(1, 2), keepdims=True)), 8.0)
    return ((x - mean) / sd).astype(np.float32)[:, None, :, :]


def block(cin, cout, kernel=3, padding=1):
    return [nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class PlateCtc(nn.Module):
    """32x128 in, 32 steps out: three poolings leave 4 rows, a 4x1 convolution collapses them."""

    def __init__(self, classes):
        super().__init__()
        self.features = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),                       # 16 x 64
            *block(16, 48), nn.MaxPool2d(2),                      # 8 x 32
            *block(48, 64), *block(64, 64), nn.MaxPool2d((2, 1)),  # 4 x 32
            *block(64, 128, (4, 1), 0),                           # 1 x 32
            *block(128, 128, (1, 3), (0, 1)),                     # context along the plate
            nn.Dropout(0.2),
            nn.Conv2d(128, classes, 1))

    def forward(self, x):                # logits (N, T, C)
        return self.features(x).squeeze(2).permute(0, 2, 1)


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.softmax(self.net(x), dim=2)


def greedy(probs, alphabet):
    out = []
    for seq in probs.argmax(2).tolist():
        text, prev = [], 0
        for k in seq:
            if k != 0 and k != prev:
                text.append(alphabet[k - 1])
            prev = k
        out.append("".join(text))
    return out


def exact(net, x, labels, alphabet):
    net.eval()
    with torch.no_grad():
        reads = []
        for i in range(0, len(x), 256):
            reads += greedy(net(torch.from_numpy(x[i:i + 256])), alphabet)
    net.train()
    return sum(r == t for r, t in zip(reads, labels)) / len(labels)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=3500)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--held-out", type=int, default=1000, help="last N plates kept for the printed check")
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(SEED)

    alphabet, images, labels = load(args.data)
    x = normalise(images)
    index = {c: i + 1 for i, c in enumerate(alphabet)}
    targets = [torch.tensor([index[c] for c in t], dtype=torch.long) for t in labels]
    n_train = len(labels) - args.held_out
    net = PlateCtc(1 + len(alphabet))
    print(f"{len(labels)} plates ({n_train} to train), {sum(p.numel() for p in net.parameters())} parameters", flush=True)
    loss_fn = nn.CTCLoss(blank=0, zero_infinity=True)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.steps, pct_start=0.15)
    t0 = time.time()
    order = rng.permutation(n_train)
    pos = 0
    running = 0.0
    for step in range(1, args.steps + 1):
        if pos + args.batch > n_train:
            order, pos = rng.permutation(n_train), 0
        batch = order[pos:pos + args.batch]
        pos += args.batch
        xb = torch.from_numpy(x[batch])
        # shift a few pixels either way: the detector's box is never exact
        shift = int(rng.integers(-3, 4))
        xb = torch.roll(xb, shifts=shift, dims=3)
        tb = [targets[i] for i in batch]
        log_probs = net(xb).log_softmax(2).permute(1, 0, 2)   # (T, N, C)
        loss = loss_fn(log_probs, torch.cat(tb), torch.full((len(batch),), log_probs.shape[0], dtype=torch.long),
                       torch.tensor([len(t) for t in tb], dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 250 == 0 or step == args.steps:
            held = exact(net, x[n_train:], labels[n_train:], alphabet)
            print(f"step {step}: loss {running:.3f}, held-out synthetic exact {held:.3f}, {time.time() - t0:.0f} s",
                  flush=True)

    net.eval()
    buffer = io.BytesIO()
    torch.onnx.export(Exported(net), torch.zeros(1, 1, H, W), buffer, opset_version=13,
                      input_names=["plate"], output_names=["probabilities"], do_constant_folding=True)
    with open(args.out, "wb") as f:
        f.write(buffer.getvalue())
    print(f"wrote {args.out} ({len(buffer.getvalue())} bytes)", flush=True)


if __name__ == "__main__":
    main()

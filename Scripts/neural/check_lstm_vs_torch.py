#!/usr/bin/env python3
"""Cross-check NeuralCore's LSTM language model against PyTorch.

What it does
  1. Builds the PyTorch module NeuralCore mirrors (names = state_dict names):
         class LSTMModel(nn.Module):
             self.embed = nn.Embedding(V, E)
             self.lstm  = nn.LSTM(E, H, L, batch_first=True, dropout=0)
             self.head  = nn.Linear(H, V)
     with seeded random weights, and a fixed (B, T+1) batch of token ids.
  2. Computes logits, the mean cross-entropy loss, every parameter gradient, then two training
     steps (clip_grad_norm_ + AdamW) on that batch, and writes them all to one safetensors file:
         <state_dict name>        weights before training (F32)
         ref.batch                (B, T+1) token ids (I64)
         ref.logits               (B, T, V)
         ref.loss                 (1)
         grad.<name>              d loss / d parameter at the initial weights
         step2.<name>             the weights after two clipped AdamW steps on the batch
     metadata: the sizes (vocab, emb, hidden, layers), lr, weight_decay, max_norm, torch version.
  3. With --run (the default), writes the full-size reference (torch_ref.py's LSTM: V 128, E 128,
     H 256, L 2; batch 4 x 33) to a temporary folder and runs the Swift test that compares:
         NEURALCORE_TORCH_REFERENCE=<file> swift test --scratch-path .build-neural --filter TorchReference
     That test always checks the committed tiny fixture as well, so CI needs no torch.

Regenerate the committed fixture (tiny: V 10, E 5, H 6, L 2, batch 2 x 6):
    /work/venv/bin/python Scripts/neural/check_lstm_vs_torch.py --write-fixture
which writes Tests/NeuralCoreTests/Fixtures/lstm_tiny_reference.safetensors.

Venv (check-time only, never a run-time dependency of the Swift code):
    python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
"""
import argparse
import os
import subprocess
import sys
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(REPO, "Tests", "NeuralCoreTests", "Fixtures", "lstm_tiny_reference.safetensors")

CONFIGS = {
    # name: (V, E, H, L, B, T)
    "tiny": (10, 5, 6, 2, 2, 6),
    "full": (128, 128, 256, 2, 4, 32),
}


class LSTMModel(nn.Module):
    def __init__(self, V, E, H, L):
        super().__init__()
        self.embed = nn.Embedding(V, E)
        self.lstm = nn.LSTM(E, H, L, batch_first=True, dropout=0.0)
        self.head = nn.Linear(H, V)

    def forward(self, x):
        h, _ = self.lstm(self.embed(x))
        return self.head(h)


def build_reference(config, seed=1234, lr=1e-2, weight_decay=0.1):
    V, E, H, L, B, T = CONFIGS[config]
    torch.manual_seed(seed)
    model = LSTMModel(V, E, H, L)
    batch = torch.randint(0, V, (B, T + 1), generator=torch.Generator().manual_seed(seed + 1))
    x, y = batch[:, :-1], batch[:, 1:]
    out = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
    names = list(out.keys())

    logits = model(x)
    loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
    loss.backward()
    grads = {n: p.grad.detach().clone() for n, p in model.named_parameters()}
    norm = torch.sqrt(sum((g.double() ** 2).sum() for g in grads.values())).item()
    max_norm = 0.5 * norm  # clipping is active in the first step

    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    for _ in range(2):
        opt.zero_grad(set_to_none=True)
        step_loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
        step_loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        opt.step()

    out["ref.batch"] = batch.to(torch.int64).contiguous()
    out["ref.logits"] = logits.detach().contiguous()
    out["ref.loss"] = loss.detach().reshape(1)
    for n in names:
        out["grad." + n] = grads[n].contiguous()
    for n, p in model.named_parameters():
        out["step2." + n] = p.detach().clone().contiguous()
    meta = {"vocab": str(V), "emb": str(E), "hidden": str(H), "layers": str(L), "lr": repr(lr),
            "weight_decay": repr(weight_decay), "max_norm": repr(max_norm), "seed": str(seed),
            "torch": torch.__version__, "generator": "Scripts/neural/check_lstm_vs_torch.py"}
    return out, meta, loss.item(), norm


def write(config, path):
    tensors, meta, loss, norm = build_reference(config)
    save_file(tensors, path, metadata=meta)
    print(f"wrote {path}: {config} reference, loss {loss:.6f}, grad norm {norm:.6f}, "
          f"{os.path.getsize(path)} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-fixture", action="store_true", help="regenerate the committed tiny fixture and exit")
    ap.add_argument("--out", help="write the full-size reference here and exit (no Swift run)")
    ap.add_argument("--config", choices=sorted(CONFIGS), default="full")
    args = ap.parse_args()
    torch.set_num_threads(1)
    if args.write_fixture:
        write("tiny", FIXTURE)
        return 0
    if args.out:
        write(args.config, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"lstm_{args.config}_reference.safetensors")
        write(args.config, path)
        env = dict(os.environ, NEURALCORE_TORCH_REFERENCE=path)
        cmd = ["swift", "test", "--scratch-path", ".build-neural", "--filter", "TorchReference"]
        print("running:", f"NEURALCORE_TORCH_REFERENCE={path}", " ".join(cmd), flush=True)
        p = subprocess.run(cmd, cwd=REPO, env=env)
        print("PASS" if p.returncode == 0 else "FAIL", flush=True)
        return p.returncode


if __name__ == "__main__":
    sys.exit(main())

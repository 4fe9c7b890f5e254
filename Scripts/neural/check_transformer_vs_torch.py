#!/usr/bin/env python3
"""Cross-check NeuralCore's transformer language model against PyTorch.

What it does
  1. Builds the PyTorch module NeuralCore mirrors: torch_ref.py's TransformerMelody (copied below
     unchanged in structure and names: tok, pos, blocks.i.{ln1, qkv, proj, ln2, fc1, fc2}, ln_f, head;
     pre-LayerNorm, exact-erf GELU, causal scaled_dot_product_attention), with seeded random weights
     (LayerNorm weights and biases randomised too, so their gradients are exercised), and a fixed
     (B, T+1) batch of token ids.
  2. Computes logits, the mean cross-entropy loss and every parameter gradient, and writes them to one
     safetensors file:
         <state_dict name>        weights (F32)
         ref.batch                (B, T+1) token ids (I64)
         ref.logits               (B, T, V)
         ref.loss                 (1)
         grad.<name>              d loss / d parameter
     metadata: the sizes (vocab, d_model, layers, heads, ff, context), the torch version.
  3. With --run (the default), writes the torch_ref.py-size reference (V 128, C 192, 4 layers, 4 heads,
     FF 768, context 256; batch 2 x 201, so attention spans four of its 64-position tiles) to a temporary folder and runs the Swift test that compares:
         NEURALCORE_TRANSFORMER_REFERENCE=<file> swift test --scratch-path .build-transformer --filter TransformerTorchReference
     That test always checks the committed tiny fixture as well, so CI needs no torch.

Regenerate the committed fixture (tiny: V 11, C 16, 2 layers, 2 heads, FF 24, context 12; batch 2 x 10):
    /work/venv/bin/python Scripts/neural/check_transformer_vs_torch.py --write-fixture
which writes Tests/NeuralCoreTests/Fixtures/transformer_tiny_reference.safetensors.

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
FIXTURE = os.path.join(REPO, "Tests", "NeuralCoreTests", "Fixtures", "transformer_tiny_reference.safetensors")

CONFIGS = {
    # name: (V, C, L, H, FF, P, B, T)
    "tiny": (11, 16, 2, 2, 24, 12, 2, 9),
    "full": (128, 192, 4, 4, 768, 256, 2, 200),   # T 200: attention's tiles of 64 (64, 64, 64, 8)
}


class Block(nn.Module):  # torch_ref.py's Block (without the generation cache)
    def __init__(self, d, heads, ff):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, ff)
        self.fc2 = nn.Linear(ff, d)

    def attn(self, x):
        B, T, D = x.shape
        H = self.heads
        q, k, v = self.qkv(x).split(D, dim=2)
        q = q.view(B, T, H, D // H).transpose(1, 2)
        k = k.view(B, T, H, D // H).transpose(1, 2)
        v = v.view(B, T, H, D // H).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.proj(y.transpose(1, 2).contiguous().view(B, T, D))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class TransformerMelody(nn.Module):  # torch_ref.py's TransformerMelody
    def __init__(self, vocab, d, layers, heads, ff, ctx):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(ctx, d)
        self.blocks = nn.ModuleList([Block(d, heads, ff) for _ in range(layers)])
        self.ln_f = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)

    def forward(self, x):
        T = x.shape[1]
        h = self.tok(x) + self.pos(torch.arange(T))[None]
        for blk in self.blocks:
            h = blk(h)
        return self.head(self.ln_f(h))


def build_reference(config, seed=1234):
    V, C, L, H, FF, P, B, T = CONFIGS[config]
    torch.manual_seed(seed)
    model = TransformerMelody(V, C, L, H, FF, P)
    with torch.no_grad():  # LayerNorm defaults (1, 0) would leave parts of its backward untested
        for name, p in model.named_parameters():
            if "ln" in name:
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.2 * torch.randn_like(p))
    g = torch.Generator().manual_seed(seed + 1)
    batch = torch.randint(0, V, (B, T + 1), generator=g)
    out = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
    logits = model(batch[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, V), batch[:, 1:].reshape(-1))
    loss.backward()
    out["ref.batch"] = batch.to(torch.int64).contiguous()
    out["ref.logits"] = logits.detach().contiguous()
    out["ref.loss"] = loss.detach().reshape(1)
    for name, p in model.named_parameters():
        out["grad." + name] = p.grad.detach().contiguous()
    meta = {"vocab": str(V), "d_model": str(C), "layers": str(L), "heads": str(H), "ff": str(FF),
            "context": str(P), "seed": str(seed), "torch": torch.__version__}
    return out, meta


def write(config, path):
    tensors, meta = build_reference(config)
    save_file(tensors, path, metadata=meta)
    print(f"wrote {path} ({os.path.getsize(path)} bytes), loss {tensors['ref.loss'].item():.6f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-fixture", action="store_true", help="regenerate the committed tiny fixture")
    ap.add_argument("--no-run", action="store_true", help="write the full-size reference but do not run swift test")
    args = ap.parse_args()
    torch.set_num_threads(1)
    if args.write_fixture:
        write("tiny", FIXTURE)
        return 0
    folder = tempfile.mkdtemp(prefix="transformer-ref-")
    path = os.path.join(folder, "transformer_full_reference.safetensors")
    write("full", path)
    if args.no_run:
        return 0
    env = dict(os.environ, NEURALCORE_TRANSFORMER_REFERENCE=path,
               TUNESMITH_ONLY=os.environ.get("TUNESMITH_ONLY", "NeuralCore"))
    cmd = ["swift", "test", "--scratch-path", ".build-transformer", "--filter", "TransformerTorchReference"]
    print("running:", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=REPO, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())

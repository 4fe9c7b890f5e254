#!/usr/bin/env python3
"""Writes the small hand-made safetensors seeds in Scripts/fuzz/seeds/ for the safetensors fuzz target.

Venv (check-time only, never a run-time dependency):
    python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
Run: .venv/bin/python Scripts/fuzz/make_safetensors_seeds.py   (deterministic: seeded, same bytes every run)

Files (tensor names and metadata keys as NeuralCore's LSTMLanguageModel / TransformerLanguageModel save them):
  lstm-v4-e2-h3.safetensors          an LSTM language model, 1 layer, full metadata
  lstm-v4-e2-h3-nometa.safetensors   the same without metadata (sizes come from the tensor shapes)
  transformer-v5-c4.safetensors      a transformer: vocab 5, d_model 4, 1 layer, 2 heads, ff 8, context 6
  mixed-dtypes.safetensors           F32, F16, I64, U8 and BOOL tensors, a scalar and an empty tensor
  empty.safetensors                  the header {} only
"""
import os
import struct

import numpy as np
from safetensors.numpy import save_file

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds")
rng = np.random.default_rng(7)


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def lstm(v, e, h, layers):
    t = {"embed.weight": f32(v, e)}
    for k in range(layers):
        t[f"lstm.weight_ih_l{k}"] = f32(4 * h, e if k == 0 else h)
        t[f"lstm.weight_hh_l{k}"] = f32(4 * h, h)
        t[f"lstm.bias_ih_l{k}"] = f32(4 * h)
        t[f"lstm.bias_hh_l{k}"] = f32(4 * h)
    t["head.weight"] = f32(v, h)
    t["head.bias"] = f32(v)
    return t


def transformer(v, c, layers, f, context):
    t = {"tok.weight": f32(v, c), "pos.weight": f32(context, c)}
    for k in range(layers):
        p = f"blocks.{k}."
        t.update({p + "ln1.weight": f32(c), p + "ln1.bias": f32(c), p + "qkv.weight": f32(3 * c, c),
                  p + "qkv.bias": f32(3 * c), p + "proj.weight": f32(c, c), p + "proj.bias": f32(c),
                  p + "ln2.weight": f32(c), p + "ln2.bias": f32(c), p + "fc1.weight": f32(f, c),
                  p + "fc1.bias": f32(f), p + "fc2.weight": f32(c, f), p + "fc2.bias": f32(c)})
    t.update({"ln_f.weight": f32(c), "ln_f.bias": f32(c), "head.weight": f32(v, c), "head.bias": f32(v)})
    return t


save_file(lstm(4, 2, 3, 1), f"{out}/lstm-v4-e2-h3.safetensors",
          metadata={"format_version": "1", "model": "lstm-melody", "vocab": "4", "emb": "2", "hidden": "3",
                    "layers": "1", "dropout": "0.1"})
save_file(lstm(4, 2, 3, 1), f"{out}/lstm-v4-e2-h3-nometa.safetensors")
save_file(transformer(5, 4, 1, 8, 6), f"{out}/transformer-v5-c4.safetensors",
          metadata={"format_version": "1", "model": "transformer-melody", "vocab": "5", "d_model": "4",
                    "layers": "1", "heads": "2", "ff": "8", "context": "6"})
save_file({"a": f32(2, 2), "h": f32(3).astype(np.float16), "i": np.array([-5, 7], dtype=np.int64),
           "u": np.array([1, 2, 255], dtype=np.uint8), "b": np.array([True, False]), "s": np.array(3.5, dtype=np.float32),
           "z": np.zeros((0, 4), dtype=np.float32)},
          f"{out}/mixed-dtypes.safetensors", metadata={"k": "v\"q\\\n\u00e9"})
with open(f"{out}/empty.safetensors", "wb") as fh:
    fh.write(struct.pack("<Q", 2) + b"{}")

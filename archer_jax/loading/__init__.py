"""Local checkpoint loading (no hub access): HF safetensors directories and GGUF files, by
path or by the names of models shipped in installed packages (`registry.NAMES`)."""

from __future__ import annotations

import os

from archer_jax.loading.gguf_file import load_gguf
from archer_jax.loading.hf import CheckpointError, config_from_hf, load_hf, load_params
from archer_jax.loading.registry import NAMES, resolve
from archer_jax.loading.tokenizers import load_tokenizer


def load_model(
  name_or_path: str | os.PathLike,
  *,
  dtype: str = "float32",
  scan_layers: bool = True,
  mesh=None,
  **overrides,
):
  """-> (ModelConfig, params): a known name, an HF checkpoint directory or a .gguf file.

  dtype: compute and parameter dtype ("float32" | "bfloat16" | "float16"); mesh: target
  mesh for the params' shardings (default: the first device); overrides: any ModelConfig
  field (e.g. pooling="mean", param_dtype="float32", remat=True).
  """
  path = resolve(name_or_path)
  load = load_gguf if path.suffix == ".gguf" else load_hf
  return load(str(path), dtype=dtype, scan_layers=scan_layers, mesh=mesh, **overrides)


__all__ = [
  "load_model",
  "load_tokenizer",
  "load_hf",
  "load_gguf",
  "load_params",
  "config_from_hf",
  "resolve",
  "NAMES",
  "CheckpointError",
]

"""Model architectures without their weights: the `ModelConfig` that a model name or a
checkpoint describes, read from config.json or GGUF metadata alone, or taken from a small
table of well-known architectures (`KNOWN`) for models that are not on this machine.

Compile-only checks (`archer_jax.aot`) build abstract states from these: shapes, dtypes and
shardings, never the weights.
"""

from __future__ import annotations

import os

from archer_jax.loading.hf import config_from_hf, read_hf_config
from archer_jax.loading.registry import resolve
from archer_jax.models import ModelConfig

# name -> the model's HF config.json (the fields `hf.config_from_hf` reads)
KNOWN: dict[str, dict] = {
  # mistralai/Mistral-7B-v0.1 and Mistral-7B-Instruct-v0.1 (Instruct-v0.2 differs only in
  # rope_theta 1e6 and no sliding window: the same shapes)
  "mistral-7b": {
    "model_type": "mistral",
    "vocab_size": 32000,
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "hidden_act": "silu",
    "max_position_embeddings": 32768,
    "rms_norm_eps": 1e-5,
    "rope_theta": 10000.0,
    "sliding_window": 4096,
    "tie_word_embeddings": False,
    "bos_token_id": 1,
    "eos_token_id": 2,
  },
}


def model_config(
  name_or_path: str | os.PathLike,
  *,
  dtype: str = "float32",
  scan_layers: bool = True,
  **overrides,
) -> ModelConfig:
  """The ModelConfig of a `KNOWN` architecture, a shipped model name, an HF checkpoint
  directory (its config.json only) or a .gguf file (its metadata only), with the same
  dtype / scan_layers / override handling as `loading.load_model`; no weights are read."""
  kw = {"dtype": dtype, "param_dtype": dtype, "scan_layers": scan_layers, **overrides}
  key = os.fspath(name_or_path)
  if key in KNOWN:
    return config_from_hf(KNOWN[key], source=f"architecture {key!r}", **kw)
  try:
    path = resolve(key)
  except FileNotFoundError as e:
    raise FileNotFoundError(
      f"{e}; architectures known without weights: {', '.join(KNOWN)}"
    ) from None
  if path.suffix == ".gguf":
    from archer_jax.loading.gguf_file import config_from_gguf, open_gguf

    return config_from_gguf(open_gguf(str(path)), source=str(path), **kw)
  return config_from_hf(
    read_hf_config(str(path)), source=os.path.join(str(path), "config.json"), **kw
  )

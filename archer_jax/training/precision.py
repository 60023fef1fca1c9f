"""The actor's and critic's numerics, from their config sections: compute dtype, parameter
dtype and attention kernel, as the `ModelConfig` fields they become.

- `dtype` (compute: activations, KV cache, matmul inputs): "auto" is bfloat16 on GPUs and
  TPUs and float32 on CPUs (XLA:CPU has no fast bf16 matmul on most CPUs); or "float32",
  "bfloat16", "float16".
- `param_dtype` (the weights the optimizer updates, its moments follow them): "auto" keeps
  float32 master weights, except a LoRA actor's frozen base (`actor.lora_rank` > 0), which
  nothing updates and which is stored in the compute dtype (a 7B base: 14 GB, not 28); or an
  explicit dtype. Logits, log-probs, values and losses are float32 whatever the compute dtype.
- `attention`: "einsum" (the default: XLA's own fusion), "dot_product"
  (`jax.nn.dot_product_attention`: cuDNN's flash attention on GPUs where it applies, XLA
  elsewhere) or "cudnn" (cuDNN, or an error).

A model section's `overrides` (pretrained) or `scratch` dict can still set any of these
ModelConfig fields itself; theirs win.
"""

from __future__ import annotations

from archer_jax.models.config import ATTENTION_IMPLS as ATTENTION
from archer_jax.models.config import DTYPES

ACCELERATORS = ("gpu", "cuda", "rocm", "tpu")


def compute_dtype(value: str, platform: str, field: str = "dtype") -> str:
  """The compute dtype `value` ("auto" or a dtype name) means on `platform`."""
  if value == "auto":
    return "bfloat16" if platform.lower() in ACCELERATORS else "float32"
  if value not in DTYPES:
    raise ValueError(f"{field} must be auto|{'|'.join(DTYPES)}, got {value!r}")
  return value


def model_fields(spec, who: str, platform: str) -> dict:
  """{"dtype", "param_dtype", "attention_impl"} for the `who` ("actor" | "critic") config
  section `spec` on `platform` (`jax.default_backend()`, or an AOT target's)."""
  compute = compute_dtype(str(spec.get("dtype", "auto")), platform, f"{who}.dtype")
  param = str(spec.get("param_dtype", "auto"))
  if param == "auto":
    frozen_base = who == "actor" and int(spec.get("lora_rank", 0) or 0) > 0
    param = compute if frozen_base else "float32"
  elif param not in DTYPES:
    raise ValueError(f"{who}.param_dtype must be auto|{'|'.join(DTYPES)}, got {param!r}")
  attention = str(spec.get("attention", "einsum"))
  if attention not in ATTENTION:
    raise ValueError(f"{who}.attention must be {'|'.join(ATTENTION)}, got {attention!r}")
  return {"dtype": compute, "param_dtype": param, "attention_impl": attention}

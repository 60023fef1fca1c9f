"""LoRA on the actor's attention projections, purely functional.

The trainable tree params["lora"] holds, for each adapted kernel W (stacked over layers:
[L, *in, *out]), a pair A [L, in, r], B [L, r, out]; the effective weight is
W + (alpha / r) * A @ B, merged on the fly inside the jitted step (B starts at zero, so the
initial policy is the base model). The optimizer freezes everything outside "lora".
"""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np

TARGETS = ("q", "k", "v", "o")


def _split(shape, target):
  """Kernel [L, ...] -> (input dims, output dims) of the projection."""
  if target == "o":  # [L, H, Dh, D]
    return shape[1:3], shape[3:]
  return shape[1:2], shape[2:]  # [L, D, H, Dh]


def init_lora(lm_params, rank: int, key, targets=TARGETS, dtype=jnp.float32):
  """A ~ N(0, 1/in) and B = 0 for each target kernel of the scanned stack."""
  attn = lm_params["layers"]["block"]["attn"]
  out = {}
  for i, t in enumerate(targets):
    w = attn[t]["kernel"]
    ins, outs = _split(w.shape, t)
    n_in, n_out = int(np.prod(ins)), int(np.prod(outs))
    a = jax.random.normal(jax.random.fold_in(key, i), (w.shape[0], n_in, rank), dtype)
    out[t] = {"a": a / math.sqrt(n_in), "b": jnp.zeros((w.shape[0], rank, n_out), dtype)}
  return out


def merge(lm_params, lora, alpha: float, rank: int):
  """Base params with W + (alpha / r) A B on every adapted kernel (same tree, same shapes)."""
  scale = alpha / rank
  attn = dict(lm_params["layers"]["block"]["attn"])
  for t, ab in lora.items():
    w = attn[t]["kernel"]
    delta = jnp.einsum("lir,lro->lio", ab["a"], ab["b"]).reshape(w.shape)
    attn[t] = dict(attn[t], kernel=(w + scale * delta.astype(w.dtype)).astype(w.dtype))
  block = dict(lm_params["layers"]["block"], attn=attn)
  return dict(lm_params, layers=dict(lm_params["layers"], block=block))


def trainable_mask(params):
  """True for leaves under "lora" and "value" (the token baseline head), False elsewhere."""

  def mark(path, _):
    top = getattr(path[0], "key", None)
    return top in ("lora", "value")

  return jax.tree_util.tree_map_with_path(mark, params)

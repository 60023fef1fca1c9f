"""FLOPs of ArCHer's steps counted analytically, device peaks, and MFU.

Counts are multiply-adds x 2 of the matrix products (embedding lookups, norms, softmax and
elementwise work left out, as MFU conventionally does). For a transformer with L layers,
width d, H query heads and KVH key/value heads of size Dh, MLP width f (3 matrices when
gated, else 2) over B rows of T tokens attending to S keys:

  per layer   2 B T [d Dh (H + 2 KVH) + H Dh d + m d f]  +  4 B H T S Dh
  LM head     2 B T d V            encoder pooler  2 B d^2        critic heads (tiny)
A training pass (forward + backward) costs 3x its forward. The critic step is forward +
backward of the online encoder on s and a and forwards of the target on s', s and a_pi
(five passes, spec §2); the actor step is forward + backward of the LM on concat(s, a_pi)
and the critic's forward on s and a_pi (the advantage). `xla_flops` reads XLA's own
count of a compiled step to cross-check (XLA counts a loop body once, so a step that
accumulates micro-batches in a `lax.scan` is multiplied by its micro-batch count).
"""

from __future__ import annotations

import time

# name -> (dense bf16 FLOP/s, dense f32 FLOP/s, HBM bytes/s): vendors' datasheet numbers
# (SXM parts for NVIDIA); matched against jax's device_kind / torch's device name.
PEAKS = {
  "A100": (312e12, 19.5e12, 2.04e12),
  "H100": (989e12, 67e12, 3.35e12),
  "H200": (989e12, 67e12, 4.8e12),
  "TPU v4": (275e12, 275e12 / 2, 1.2e12),
  "TPU v5 lite": (197e12, 197e12 / 2, 0.82e12),  # v5e
  "TPU v5e": (197e12, 197e12 / 2, 0.82e12),
  "TPU v5p": (459e12, 459e12 / 2, 2.76e12),
  "TPU v5": (459e12, 459e12 / 2, 2.76e12),
}


def layer_flops(cfg, b: int, t: int, s: int) -> float:
  """One transformer layer's forward over [b, t] queries and s keys."""
  d, dh, h, kv, f = (
    cfg.hidden_size,
    cfg.dim_per_head,
    cfg.num_heads,
    cfg.kv_heads,
    cfg.intermediate_size,
  )
  gated = 3 if cfg.family == "llama" else 2
  dense = d * dh * (h + 2 * kv) + h * dh * d + gated * d * f
  return 2.0 * b * t * dense + 4.0 * b * h * t * s * dh


def lm_forward(cfg, b: int, t: int) -> float:
  """Causal LM forward over [b, t] tokens, logits at every position (as the losses do)."""
  return cfg.num_layers * layer_flops(cfg, b, t, t) + 2.0 * b * t * cfg.hidden_size * cfg.vocab_size


def encoder_forward(cfg, b: int, t: int) -> float:
  """Encoder forward over [b, t] tokens and its pooler."""
  pool = 2.0 * b * cfg.hidden_size**2 if cfg.pooling == "pooler" else 0.0
  return cfg.num_layers * layer_flops(cfg, b, t, t) + pool


def heads_forward(d: int, b: int, q: bool = True) -> float:
  """The four critic MLP heads (Q on 2d inputs, V on d) over b rows."""
  v = 2 * 2.0 * b * (d * d + d * d + d)
  return v + (2 * 2.0 * b * (2 * d * d + d * d + d) if q else 0.0)


def critic_step(ccfg, b: int, lo: int, la: int) -> float:
  """One critic update over b transitions (obs window lo, action window la)."""
  d = ccfg.hidden_size
  online = encoder_forward(ccfg, b, lo) + encoder_forward(ccfg, b, la) + heads_forward(d, b)
  target = (
    2 * encoder_forward(ccfg, b, lo)
    + encoder_forward(ccfg, b, la)
    + heads_forward(d, b)
    + heads_forward(d, b, q=False)
  )
  return 3.0 * online + target


def actor_step(acfg, ccfg, b: int, lo: int, la: int, clo: int, cla: int) -> float:
  """One actor update over b states: LM forward + backward on lo + la tokens, and the
  critic's advantage (forward on s and a_pi)."""
  adv = (
    encoder_forward(ccfg, b, clo)
    + encoder_forward(ccfg, b, cla)
    + heads_forward(ccfg.hidden_size, b)
  )
  return 3.0 * lm_forward(acfg, b, lo + la) + adv


def decode_step_bytes(
  cfg, b: int, cache_len: int, weight_bytes: int = 4, cache_bytes: int = 4
) -> float:
  """Bytes a decode step must read at least: every weight once and the KV cache."""
  kv = 2.0 * cfg.num_layers * b * cache_len * cfg.kv_heads * cfg.dim_per_head
  return cfg.num_params() * weight_bytes + kv * cache_bytes


def xla_flops(compiled, num_micro: int = 1) -> float | None:
  """XLA's FLOP count of a compiled step (`jit(f).lower(...).compile()`), the scanned
  micro-batch body counted num_micro times; None when the backend gives none."""
  try:
    ca = compiled.cost_analysis()
  except Exception:  # noqa: BLE001 - some backends have no cost model
    return None
  if isinstance(ca, (list, tuple)):
    ca = ca[0] if ca else {}
  flops = (ca or {}).get("flops")
  return None if flops is None else float(flops) * num_micro


def measured_matmul_peak(n: int = 1024, reps: int = 5) -> float:
  """FLOP/s of a jitted f32 [n, n] x [n, n] product on the default device: the
  'peak as measured' that MFU on a CPU is taken against."""
  import jax
  import jax.numpy as jnp

  x = jnp.ones((n, n), jnp.float32)
  f = jax.jit(lambda a: a @ a)
  f(x).block_until_ready()
  best = float("inf")
  for _ in range(reps):
    t0 = time.perf_counter()
    f(x).block_until_ready()
    best = min(best, time.perf_counter() - t0)
  return 2.0 * n**3 / best


def device_peak(kind: str, dtype: str = "bfloat16") -> tuple[str, float | None, float | None]:
  """(matched name, FLOP/s at `dtype`, HBM bytes/s) of a device kind string, or
  (kind, None, None) when the table does not know it (a CPU: measure it)."""
  for name, (bf16, f32, bw) in sorted(PEAKS.items(), key=lambda kv: -len(kv[0])):
    if name.lower() in kind.lower():
      return name, (f32 if dtype == "float32" else bf16), bw
  return kind, None, None


def mfu(flops: float, seconds: float, peak: float | None) -> float | None:
  """Model FLOPs utilisation: flops / seconds / peak."""
  if not peak or seconds <= 0:
    return None
  return flops / seconds / peak

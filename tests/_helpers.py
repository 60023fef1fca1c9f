"""Shared test helpers: a linear stand-in critic with a float64 numpy twin, tiny model
configs, padded batches with garbage in the padding slots, and per-row reference forwards."""

from __future__ import annotations

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.algorithms.networks import PolicyWithValue
from archer_jax.models import ModelConfig

TOY_VOCAB, TOY_DIM = 16, 4
# XLA's CPU backend optimisation costs more compile time than these tiny programs run
FAST = {"xla_backend_optimization_level": 0}


def fast_jit(fn=None, **kw):
  """jax.jit with a cheap CPU compile (usable as a decorator factory too)."""
  if fn is None:
    return lambda f: jax.jit(f, compiler_options=FAST, **kw)
  return jax.jit(fn, compiler_options=FAST, **kw)


HEADS = ("q1", "q2", "v1", "v2")


# ---- stand-in critic: embed = masked mean of a table, heads = one linear map each ---------
def toy_critic_params(seed: int, vocab: int = TOY_VOCAB, dim: int = TOY_DIM) -> dict:
  rng = np.random.default_rng(seed)
  p = {"emb": rng.normal(size=(vocab, dim))}
  for h in HEADS:
    width = 2 * dim if h.startswith("q") else dim
    p[h] = {"w": rng.normal(size=(width,)) * 0.7, "b": np.float64(rng.normal())}
  return jax.tree.map(lambda x: jnp.asarray(x, jnp.float32), p)


def toy_embed(p, tokens, mask):
  m = mask.astype(jnp.float32)[..., None]
  return (p["emb"][tokens] * m).sum(1) / jnp.maximum(m.sum(1), 1.0)


def toy_heads(p, es, ea=None):
  out = {h: es @ p[h]["w"] + p[h]["b"] for h in ("v1", "v2")}
  if ea is not None:
    sa = jnp.concatenate([es, ea], -1)
    out.update({h: sa @ p[h]["w"] + p[h]["b"] for h in ("q1", "q2")})
  return out


def np_tree(tree):
  return jax.tree.map(lambda x: np.asarray(x, np.float64), tree)


def np_embed(p, tokens, mask):
  m = np.asarray(mask, np.float64)[..., None]
  return (p["emb"][np.asarray(tokens)] * m).sum(1) / np.maximum(m.sum(1), 1.0)


def np_heads(p, es, ea=None):
  out = {h: es @ p[h]["w"] + p[h]["b"] for h in ("v1", "v2")}
  if ea is not None:
    sa = np.concatenate([es, ea], -1)
    out.update({h: sa @ p[h]["w"] + p[h]["b"] for h in ("q1", "q2")})
  return out


# ---- padded batches --------------------------------------------------------------------
def pad_rows(rng, lengths, width, vocab, left: bool):
  """Random ids with `lengths` real tokens per row; padding slots hold random (garbage) ids
  so any leak of padding into a result changes it."""
  ids = rng.integers(0, vocab, size=(len(lengths), width)).astype(np.int32)
  mask = np.zeros((len(lengths), width), bool)
  for i, n in enumerate(lengths):
    if left:
      mask[i, width - n :] = True
    else:
      mask[i, :n] = True
  return ids, mask


def critic_batch(rng, valid, lo=7, la=5, vocab=TOY_VOCAB) -> dict:
  """Transitions with left-padded obs / next_obs, right-padded act / pi_act; rows with
  valid = 0 carry huge garbage rewards."""
  b = len(valid)
  lens = lambda hi: rng.integers(1, hi + 1, size=b)
  out = {}
  out["obs"], out["obs_mask"] = pad_rows(rng, lens(lo), lo, vocab, left=True)
  out["next_obs"], out["next_obs_mask"] = pad_rows(rng, lens(lo), lo, vocab, left=True)
  out["act"], out["act_mask"] = pad_rows(rng, lens(la), la, vocab, left=False)
  out["pi_act"], out["pi_act_mask"] = pad_rows(rng, lens(la), la, vocab, left=False)
  valid = np.asarray(valid, np.float32)
  out["reward"] = np.where(valid > 0, rng.normal(size=b), 1e3).astype(np.float32)
  out["done"] = rng.random(b) < 0.4
  out["valid"] = valid
  return out


def policy_batch(rng, obs_lens, act_lens, valid, lo, la, vocab) -> dict:
  """Left-padded obs, right-padded actions, advantages (garbage on valid = 0 rows)."""
  out = {}
  out["obs"], out["obs_mask"] = pad_rows(rng, obs_lens, lo, vocab, left=True)
  out["act"], out["act_mask"] = pad_rows(rng, act_lens, la, vocab, left=False)
  valid = np.asarray(valid, np.float32)
  out["advantage"] = np.where(valid > 0, rng.normal(size=len(valid)), 1e4).astype(np.float32)
  out["valid"] = valid
  return out


# ---- tiny models -----------------------------------------------------------------------
def tiny_lm_cfg(family: str, vocab: int = 48, **kw) -> ModelConfig:
  extra = dict(num_kv_heads=2) if family == "llama" else dict(activation="gelu_new")
  base = dict(
    hidden_size=32,
    num_layers=2,
    num_heads=4,
    intermediate_size=64,
    max_position_embeddings=64,
    **extra,
  )
  return ModelConfig(family=family, vocab_size=vocab, **dict(base, **kw))


def tiny_policy(family: str, value_head: bool = True, seed: int = 0, scale: float = 3.0):
  """(net, params, apply) for a random PolicyWithValue; weights scaled up so the token
  distributions are far from uniform."""
  net = PolicyWithValue(tiny_lm_cfg(family), value_head=value_head)
  params = nn.meta.unbox(
    fast_jit(net.init)(jax.random.PRNGKey(seed), jnp.zeros((1, 4), jnp.int32))["params"]
  )
  params = jax.tree.map(lambda x: x * scale, params)
  apply = lambda p, t, pos, m, **kw: net.apply({"params": p}, t, pos, m, **kw)
  return net, params, apply


def row_tokens(batch, b):
  """The real obs and action ids of row b (no padding)."""
  obs = np.asarray(batch["obs"][b])[np.asarray(batch["obs_mask"][b], bool)]
  act = np.asarray(batch["act"][b])[np.asarray(batch["act_mask"][b], bool)]
  return obs, act


def packed(batch):
  """Each row's real ids concat(obs, act) moved to the front (slots 0..n-1), trailing slots
  filled with a filler id: under a causal model every row then computes exactly what it
  would alone, unpadded, with default positions 0..n-1 and no attention mask.
  -> tokens [B, Lo + La], gather index [B, La] (the slot predicting each action token)."""
  b, lo = batch["obs"].shape
  la = batch["act"].shape[1]
  tokens = np.asarray(batch["act"]).max() * np.ones((b, lo + la), np.int32)
  index = np.zeros((b, la), np.int32)
  for i in range(b):
    obs, act = row_tokens(batch, i)
    tokens[i, : len(obs) + len(act)] = np.concatenate([obs, act])
    index[i] = len(obs) - 1 + np.minimum(np.arange(la), max(len(act) - 1, 0))
  return tokens, index


def row_forward(net, params, batch):
  """Per row: the outputs that predict each action token, as float64 numpy, from the packed
  (row-alone) forward: list of (logits [La_b, V], values [La_b] or None)."""
  tokens, index = packed(batch)
  out = fast_jit(lambda p, t: net.apply({"params": p}, t))(params, jnp.asarray(tokens))
  rows = []
  for i in range(len(tokens)):
    la = int(np.asarray(batch["act_mask"][i]).sum())
    sl = index[i, :la]
    logits = np.asarray(out["logits"][i], np.float64)[sl]
    values = np.asarray(out["values"][i], np.float64)[sl] if "values" in out else None
    rows.append((logits, values))
  return rows


def log_softmax64(x):
  x = np.asarray(x, np.float64)
  z = x - x.max(-1, keepdims=True)
  return z - np.log(np.exp(z).sum(-1, keepdims=True))


def assert_trees_close(a, b, rtol=1e-6, atol=1e-6, what=""):
  la, lb = jax.tree_util.tree_leaves_with_path(a), jax.tree_util.tree_leaves(b)
  assert len(la) == len(lb), what
  for (path, x), y in zip(la, lb, strict=True):
    np.testing.assert_allclose(
      np.asarray(x),
      np.asarray(y),
      rtol=rtol,
      atol=atol,
      err_msg=f"{what} {jax.tree_util.keystr(path)}",
    )


def cpu_device_flags(devices: int) -> str:
  """XLA_FLAGS for a child process whose JAX sees `devices` CPU devices: this process's flags
  (conftest: the cheap CPU compile) with any device count of theirs replaced."""
  import os

  inherited = [
    f for f in os.environ.get("XLA_FLAGS", "").split() if "host_platform_device_count" not in f
  ]
  return " ".join([*inherited, f"--xla_force_host_platform_device_count={devices}"])


def run_on_cpu_devices(code: str, devices: int, *args, timeout=600) -> str:
  """Runs `code` with `python -c` (argv[1:] = args) in a subprocess whose JAX sees `devices`
  CPU devices (the device count is fixed when the backend starts), from the repository root,
  with the suite's other XLA flags (conftest: the cheap CPU compile). Returns its stdout; a
  failure shows the tail of what it printed."""
  import os
  import subprocess
  import sys

  flags = cpu_device_flags(devices)
  repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
  proc = subprocess.run(
    [sys.executable, "-c", code, *args],
    env=dict(os.environ, JAX_PLATFORMS="cpu", XLA_FLAGS=flags),
    capture_output=True,
    text=True,
    timeout=timeout,
    cwd=repo,
  )
  assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
  return proc.stdout

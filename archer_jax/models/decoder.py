"""Decoder-only causal LMs: the Llama family (Llama 2/3, Mistral, Qwen2, SmolLM2) and GPT-2.

Both share `layers.Stack`; they differ in norms (RMS vs Layer), positions (RoPE vs learned
table), MLP (SwiGLU vs GELU) and head tying, all read from `ModelConfig`.
"""

from __future__ import annotations

import flax.linen as nn
import jax.numpy as jnp

from archer_jax.models.config import ModelConfig
from archer_jax.models.layers import DenseND, Stack, causal_mask, make_norm, param_init


def seen_vocab(ids, mask, vocab_size: int):
  """ids int [B, P], mask [B, P] -> f32 [B, V]: 1 where vocabulary id v occurs among the
  row's real (masked-in) ids, else 0."""
  b = ids.shape[0]
  rows = jnp.arange(b)[:, None]
  return jnp.zeros((b, vocab_size), jnp.float32).at[rows, ids].max(mask.astype(jnp.float32))


def dropped_columns(cfg: ModelConfig, seen) -> int:
  """How many leading prompt columns the layers skip: P - cfg.attend_len for a `seen_gate`
  model whose prompt `seen` = (ids [B, P], mask) is longer than a set attend_len, else 0."""
  if not (cfg.seen_gate and cfg.attend_len) or seen is None:
    return 0
  return max(seen[0].shape[1] - int(cfg.attend_len), 0)


class CausalLM(nn.Module):
  """tokens [B, T] -> {"logits": f32[B, T, V], "hidden": [B, T, D], "cache": ...}.

  positions [B, T]: token positions (left padding: count only real tokens).
  mask [B, T, S] bool: defaults to causal over `attention_mask` when no cache is given.
  cache: {"k","v": [L, B, S, KVH, Dh]} (see `init_cache`), written at `cache_index`.
  seen: (prompt ids [B, P], prompt mask [B, P]) for `cfg.seen_gate` (see `logits`); the
    prompt is `tokens`' first P columns.
  cfg.attend_len = W (0 < W < P, with `cfg.seen_gate`, `seen`, no cache or explicit mask):
    the layers run on `tokens`' columns P - W onward only, positions shifted down by the
    real tokens dropped (what a sampler given the last W prompt tokens sees); hidden states
    and logits of the P - W dropped columns are zeros. The gate still counts all P as seen.
  """

  cfg: ModelConfig

  def setup(self):
    cfg = self.cfg
    self.embed = nn.Embed(
      cfg.vocab_size,
      cfg.hidden_size,
      dtype=cfg.compute_dtype,
      param_dtype=cfg.weight_dtype,
      embedding_init=param_init(("vocab", "embed")),
    )
    if cfg.family == "gpt2":
      self.pos_embed = nn.Embed(
        cfg.max_position_embeddings,
        cfg.hidden_size,
        dtype=cfg.compute_dtype,
        param_dtype=cfg.weight_dtype,
        embedding_init=param_init(("positions", "embed"), nn.initializers.normal(0.01)),
      )
    self.layers = Stack(cfg)
    self.final_norm = make_norm(cfg, "final_norm")
    if not cfg.tie_embeddings:
      self.lm_head = DenseND(
        (cfg.vocab_size,), 1, ("embed", "vocab"), False, cfg.compute_dtype, cfg.weight_dtype
      )
    if cfg.seen_gate:
      zeros = nn.initializers.zeros
      self.gate = nn.Dense(
        1,
        dtype=jnp.float32,
        param_dtype=jnp.float32,
        kernel_init=nn.with_logical_partitioning(zeros, ("embed", None)),
        bias_init=nn.with_logical_partitioning(zeros, (None,)),
      )
      if cfg.seen_bias:
        init = nn.with_logical_partitioning(zeros, ("vocab",))
        self.seen_bias = self.param("seen_bias", init, (cfg.vocab_size,), jnp.float32)

  def __call__(
    self,
    tokens,
    positions=None,
    attention_mask=None,
    mask=None,
    cache=None,
    cache_index=None,
    return_logits=True,
    seen=None,
  ):
    cfg = self.cfg
    cut = dropped_columns(cfg, seen) if cache is None and mask is None else 0
    if attention_mask is None:
      attention_mask = jnp.ones(tokens.shape, dtype=bool)
    if positions is None:
      positions = jnp.broadcast_to(jnp.arange(tokens.shape[1]), tokens.shape)
    if cut:  # the layers read the last attend_len prompt tokens and what follows
      gone = jnp.sum(attention_mask[:, :cut], axis=-1, dtype=jnp.int32)[:, None]
      tokens, attention_mask = tokens[:, cut:], attention_mask[:, cut:]
      positions = jnp.maximum(positions[:, cut:] - gone, 0)
    if mask is None:
      if cache is not None:
        raise ValueError("decoding with a cache needs an explicit mask (layers.decode_mask)")
      mask = causal_mask(attention_mask)
    x = self.embed(tokens)
    if cfg.family == "gpt2":
      x = x + self.pos_embed(positions)
    x = nn.with_logical_constraint(x, ("batch", "length", "embed"))
    x, new_cache = self.layers(x, cache, mask, positions, cache_index)
    hidden = self.final_norm(x)
    out = {"hidden": hidden, "cache": new_cache}
    if return_logits:
      out["logits"] = self.logits(hidden, seen)
    if cut:  # zeros at the dropped columns keep the outputs aligned with `tokens`
      front = lambda y: jnp.pad(y, [(0, 0), (cut, 0)] + [(0, 0)] * (y.ndim - 2))
      out.update({k: front(out[k]) for k in ("hidden", "logits") if k in out})
    return out

  def logits(self, hidden, seen=None):
    """hidden [B, D] or [B, T, D] -> f32 logits z [B, (T,) V] (tied: hidden @ embedding^T).

    With `cfg.seen_gate`: z_v += g(h) * seen_v, where g(h) = h . w + c is a learned scalar
    per position (w, c zero at init) and seen_v = 1 when id v occurs among the real ids of
    `seen` = (prompt ids [B, P], mask [B, P]), the tokens the state already holds. One gate
    lets the policy learn, per context, to avoid (g < 0) or copy (g > 0) what it has seen.
    `seen` None counts nothing as seen (the gate's parameters are still created).
    With `cfg.seen_bias` too: z_v += (g(h) + b_v) * seen_v, b [V] a learned per-id bias (zero
    at init): the gate can push a seen name down without pushing down the template words
    every question repeats.
    """
    cfg = self.cfg
    if cfg.tie_embeddings:
      z = self.embed.attend(hidden).astype(jnp.float32)
    else:
      z = self.lm_head(hidden).astype(jnp.float32)
    if cfg.seen_gate:
      g = self.gate(hidden.astype(jnp.float32))  # [B, (T,) 1]
      if seen is None:
        s = jnp.zeros((hidden.shape[0], cfg.vocab_size), jnp.float32)
      else:
        s = seen_vocab(*seen, cfg.vocab_size)
      s = s[:, None, :] if z.ndim == 3 else s
      g = g + self.seen_bias if cfg.seen_bias else g  # [B, (T,) 1 or V]
      z = z + g * s
    return z


def init_cache(cfg: ModelConfig, batch: int, length: int, dtype=None) -> dict:
  """Zeroed KV cache {"k","v": [L, B, S, KVH, Dh]} (layer-major, matching the scan)."""
  shape = (cfg.num_layers, batch, length, cfg.kv_heads, cfg.dim_per_head)
  dtype = dtype or cfg.compute_dtype
  return {"k": jnp.zeros(shape, dtype), "v": jnp.zeros(shape, dtype)}


def cache_layout(cfg: ModelConfig):
  """Logical axes of the cache arrays (for sharding the sampler's carry)."""
  return ("layers", "batch", "length", "kv_heads", "kv")

"""Decoder-only causal LMs: the Llama family (Llama 2/3, Mistral, Qwen2, SmolLM2) and GPT-2.

Both share `layers.Stack`; they differ in norms (RMS vs Layer), positions (RoPE vs learned
table), MLP (SwiGLU vs GELU) and head tying, all read from `ModelConfig`.
"""

from __future__ import annotations

import flax.linen as nn
import jax.numpy as jnp

from archer_jax.models.config import ModelConfig
from archer_jax.models.layers import DenseND, Stack, causal_mask, make_norm, param_init


class CausalLM(nn.Module):
  """tokens [B, T] -> {"logits": f32[B, T, V], "hidden": [B, T, D], "cache": ...}.

  positions [B, T]: token positions (left padding: count only real tokens).
  mask [B, T, S] bool: defaults to causal over `attention_mask` when no cache is given.
  cache: {"k","v": [L, B, S, KVH, Dh]} (see `init_cache`), written at `cache_index`.
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

  def __call__(
    self,
    tokens,
    positions=None,
    attention_mask=None,
    mask=None,
    cache=None,
    cache_index=None,
    return_logits=True,
  ):
    cfg = self.cfg
    if attention_mask is None:
      attention_mask = jnp.ones(tokens.shape, dtype=bool)
    if positions is None:
      positions = jnp.broadcast_to(jnp.arange(tokens.shape[1]), tokens.shape)
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
      out["logits"] = self.logits(hidden)
    return out

  def logits(self, hidden):
    """hidden [..., D] -> f32 logits [..., V] (tied: hidden @ embedding^T)."""
    if self.cfg.tie_embeddings:
      return self.embed.attend(hidden).astype(jnp.float32)
    return self.lm_head(hidden).astype(jnp.float32)


def init_cache(cfg: ModelConfig, batch: int, length: int, dtype=None) -> dict:
  """Zeroed KV cache {"k","v": [L, B, S, KVH, Dh]} (layer-major, matching the scan)."""
  shape = (cfg.num_layers, batch, length, cfg.kv_heads, cfg.dim_per_head)
  dtype = dtype or cfg.compute_dtype
  return {"k": jnp.zeros(shape, dtype), "v": jnp.zeros(shape, dtype)}


def cache_layout(cfg: ModelConfig):
  """Logical axes of the cache arrays (for sharding the sampler's carry)."""
  return ("layers", "batch", "length", "kv_heads", "kv")

"""The shared transformer core: norms, rotary embeddings, attention with a KV cache, MLPs.

Every parameter carries logical axis names (`vocab`, `embed`, `heads`, `kv_heads`, `kv`,
`mlp`, `layers`) that `archer_jax.parallel.mesh` maps onto mesh axes.

Attention masks are explicit booleans `mask[b, t, s]` (query t may read key slot s), built
by `causal_mask` / `decode_mask`; left padding is handled by the caller's positions.
"""

from __future__ import annotations

import math

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.models.config import ModelConfig

Array = jax.Array


def param_init(names: tuple[str | None, ...], init=None):
  return nn.with_logical_partitioning(init or nn.initializers.normal(0.02), names)


def causal_mask(attention_mask: Array) -> Array:
  """[B, T] valid-token mask -> [B, T, T] causal mask over valid keys."""
  t = attention_mask.shape[-1]
  causal = jnp.tril(jnp.ones((t, t), dtype=bool))
  return causal[None] & attention_mask[:, None, :].astype(bool)


def bidirectional_mask(attention_mask: Array) -> Array:
  """[B, T] -> [B, T, T]: every query reads every valid key (encoders)."""
  m = attention_mask.astype(bool)
  return jnp.broadcast_to(m[:, None, :], m.shape[:1] + m.shape[1:] * 2)


def decode_mask(key_valid: Array, query_slots: Array) -> Array:
  """Mask for queries written at cache `query_slots` [T] over a cache with `key_valid` [B, S].

  Query t may read slot s iff the slot holds a real token and s <= query_slots[t].
  """
  s = key_valid.shape[-1]
  causal = jnp.arange(s)[None, :] <= query_slots[:, None]  # [T, S]
  return causal[None] & key_valid[:, None, :].astype(bool)


def positions_from_mask(attention_mask: Array) -> Array:
  """Left/right padded [B, T] mask -> positions 0, 1, ... counted over real tokens."""
  return jnp.maximum(jnp.cumsum(attention_mask.astype(jnp.int32), axis=-1) - 1, 0)


# ---- rotary embeddings ---------------------------------------------------------------
def rope_inv_freq(cfg: ModelConfig) -> np.ndarray:
  """Inverse frequencies [Dh/2] with the checkpoint's theta and (llama3 / linear) scaling."""
  dh = cfg.dim_per_head
  inv = 1.0 / (cfg.rope_theta ** (np.arange(0, dh, 2, dtype=np.float64) / dh))
  scaling = dict(cfg.rope_scaling or ())
  kind = scaling.get("rope_type", scaling.get("type", "default"))
  if kind == "linear":
    inv = inv / float(scaling["factor"])
  elif kind == "llama3":
    factor = float(scaling["factor"])
    low, high = float(scaling["low_freq_factor"]), float(scaling["high_freq_factor"])
    old_len = float(scaling["original_max_position_embeddings"])
    wavelen = 2 * math.pi / inv
    smooth = (old_len / wavelen - low) / (high - low)
    scaled = np.where(wavelen > old_len / low, inv / factor, inv)
    mid = (wavelen <= old_len / low) & (wavelen >= old_len / high)
    inv = np.where(mid, (1 - smooth) * inv / factor + smooth * inv, scaled)
  elif kind not in ("default", None):
    raise ValueError(f"unsupported rope_scaling type {kind!r}")
  return inv.astype(np.float32)


def apply_rope(x: Array, positions: Array, inv_freq: np.ndarray) -> Array:
  """x [B, T, H, Dh], positions [B, T] -> rotated x (HF 'rotate_half' convention)."""
  ang = positions[..., None].astype(jnp.float32) * jnp.asarray(inv_freq)  # [B, T, Dh/2]
  cos = jnp.concatenate([jnp.cos(ang)] * 2, -1)[:, :, None, :]
  sin = jnp.concatenate([jnp.sin(ang)] * 2, -1)[:, :, None, :]
  xf = x.astype(jnp.float32)
  x1, x2 = jnp.split(xf, 2, axis=-1)
  rotated = jnp.concatenate([-x2, x1], axis=-1)
  return (xf * cos + rotated * sin).astype(x.dtype)


# ---- modules ------------------------------------------------------------------------
class RMSNorm(nn.Module):
  eps: float
  dtype: jnp.dtype = jnp.float32
  param_dtype: jnp.dtype = jnp.float32

  @nn.compact
  def __call__(self, x):
    scale = self.param(
      "scale", param_init(("embed",), nn.initializers.ones), (x.shape[-1],), self.param_dtype
    )
    xf = x.astype(jnp.float32)
    y = xf * jax.lax.rsqrt(jnp.mean(xf * xf, -1, keepdims=True) + self.eps)
    return (y * scale.astype(jnp.float32)).astype(self.dtype)


def make_norm(cfg: ModelConfig, name: str):
  if cfg.family == "llama":
    return RMSNorm(cfg.norm_eps, cfg.compute_dtype, cfg.weight_dtype, name=name)
  return nn.LayerNorm(
    epsilon=cfg.norm_eps,
    dtype=cfg.compute_dtype,
    param_dtype=cfg.weight_dtype,
    name=name,
    scale_init=param_init(("embed",), nn.initializers.ones),
    bias_init=param_init(("embed",), nn.initializers.zeros),
  )


class DenseND(nn.Module):
  """y = x . W (+ b) contracting x's last `n_in` dims with W [*in, *out].

  A plain `self.param` of the exact kernel shape (not DenseGeneral, whose flattened-kernel
  init does not compose with logical-axis constraints)."""

  features: tuple[int, ...]
  n_in: int
  names: tuple[str | None, ...]
  use_bias: bool
  dtype: jnp.dtype
  param_dtype: jnp.dtype

  @nn.compact
  def __call__(self, x):
    in_shape = x.shape[-self.n_in :]
    kernel = self.param(
      "kernel", param_init(self.names), (*in_shape, *self.features), self.param_dtype
    )
    # Flatten to one 2-D GEMM: [N, prod(in)] x [prod(in), prod(out)]. Its transposes
    # (the backward pass) are plain GEMMs too, which XLA's CPU backend runs much faster
    # than dot_generals with several contracting dims.
    lead = x.shape[: x.ndim - self.n_in]
    k2 = kernel.astype(self.dtype).reshape(math.prod(in_shape), math.prod(self.features))
    y = (x.astype(self.dtype).reshape(-1, k2.shape[0]) @ k2).reshape(*lead, *self.features)
    if self.use_bias:
      bias = self.param(
        "bias",
        param_init(self.names[self.n_in :], nn.initializers.zeros),
        self.features,
        self.param_dtype,
      )
      y = y + bias.astype(self.dtype)
    return y


def _dense(cfg, features, axis, names, bias, name):
  """Dense layer whose kernel has logical axes `names` (inputs then outputs)."""
  features = features if isinstance(features, tuple) else (features,)
  n_in = len(axis) if isinstance(axis, tuple) else 1
  return DenseND(features, n_in, names, bias, cfg.compute_dtype, cfg.weight_dtype, name=name)


class Attention(nn.Module):
  """Multi-head / grouped-query attention with an optional fixed-size KV cache.

  x [B, T, D]; mask [B, T, S] with S = T (no cache) or the cache length;
  cache: the whole stacked cache {"k","v": [L, B, S, KVH, Dh]}, this layer's rows
  `cache[layer]` written at slots [cache_index, cache_index + T) in place (the stack
  carries the cache through its layer scan: no per-layer copies of it).

  The product runs as `einsum_attention` unless `cfg.attention_impl` is "dot_product"
  (`jax.nn.dot_product_attention`, which picks cuDNN's flash attention on GPUs where it
  applies, else XLA) or "cudnn" (cuDNN or an error); opt-in (config `actor.attention` /
  `critic.attention`), since the result is equal only up to rounding.
  """

  cfg: ModelConfig

  @nn.compact
  def __call__(self, x, mask, positions, cache=None, cache_index=None, layer=0):
    cfg = self.cfg
    h, kvh, dh = cfg.num_heads, cfg.kv_heads, cfg.dim_per_head
    bias = cfg.attention_bias or cfg.family != "llama"
    q = _dense(cfg, (h, dh), -1, ("embed", "heads", "kv"), bias, "q")(x)
    k = _dense(cfg, (kvh, dh), -1, ("embed", "kv_heads", "kv"), bias, "k")(x)
    v = _dense(cfg, (kvh, dh), -1, ("embed", "kv_heads", "kv"), bias, "v")(x)
    if cfg.family == "llama":
      inv_freq = rope_inv_freq(cfg)
      q = apply_rope(q, positions, inv_freq)
      k = apply_rope(k, positions, inv_freq)
    new_cache = None
    if cache is not None:
      idx = (layer, 0, cache_index, 0, 0)
      ck = jax.lax.dynamic_update_slice(cache["k"], k[None].astype(cache["k"].dtype), idx)
      cv = jax.lax.dynamic_update_slice(cache["v"], v[None].astype(cache["v"].dtype), idx)
      new_cache = {"k": ck, "v": cv}
      k = jax.lax.dynamic_index_in_dim(ck, layer, keepdims=False)  # [B, S, KVH, Dh]
      v = jax.lax.dynamic_index_in_dim(cv, layer, keepdims=False)
    impl = cfg.attention_impl
    if impl == "einsum":
      out = einsum_attention(q, k.astype(q.dtype), v.astype(q.dtype), mask)
    else:  # jax.nn.dot_product_attention: cuDNN flash attention on GPUs that support it
      out = jax.nn.dot_product_attention(
        q,
        k.astype(q.dtype),
        v.astype(q.dtype),
        mask=mask[:, None],
        implementation=None if impl == "dot_product" else impl,
      )
    out = _dense(
      cfg, cfg.hidden_size, (-2, -1), ("heads", "kv", "embed"), cfg.family != "llama", "o"
    )(out)
    return out, new_cache


def einsum_attention(q: Array, k: Array, v: Array, mask: Array) -> Array:
  """softmax(q k^T / sqrt(Dh) over the keys `mask` allows) v, logits and softmax in f32.

  q [B, T, H, Dh], k / v [B, S, KVH, Dh] (H a multiple of KVH: grouped queries), mask
  [B, T, S] -> [B, T, H, Dh]."""
  b, t, h, dh = q.shape
  kvh = k.shape[2]
  qg = q.reshape(b, t, kvh, h // kvh, dh)
  logits = jnp.einsum("btkgd,bskd->bkgts", qg, k).astype(jnp.float32)
  logits = logits / math.sqrt(dh)
  logits = jnp.where(mask[:, None, None], logits, jnp.finfo(jnp.float32).min)
  probs = jax.nn.softmax(logits, axis=-1).astype(q.dtype)
  return jnp.einsum("bkgts,bskd->btkgd", probs, v).reshape(b, t, h, dh)


ACTIVATIONS = {
  "silu": jax.nn.silu,
  "gelu_new": lambda x: jax.nn.gelu(x, approximate=True),
  "gelu": lambda x: jax.nn.gelu(x, approximate=False),
  "relu": jax.nn.relu,
}


class MLP(nn.Module):
  """SwiGLU (llama: down(silu(gate x) * up x)) or plain (fc -> act -> proj)."""

  cfg: ModelConfig

  @nn.compact
  def __call__(self, x):
    cfg = self.cfg
    act = ACTIVATIONS[cfg.activation]
    f = cfg.intermediate_size
    if cfg.family == "llama":
      gate = _dense(cfg, f, -1, ("embed", "mlp"), False, "gate")(x)
      up = _dense(cfg, f, -1, ("embed", "mlp"), False, "up")(x)
      return _dense(cfg, cfg.hidden_size, -1, ("mlp", "embed"), False, "down")(act(gate) * up)
    hid = act(_dense(cfg, f, -1, ("embed", "mlp"), True, "fc")(x))
    return _dense(cfg, cfg.hidden_size, -1, ("mlp", "embed"), True, "proj")(hid)


class Block(nn.Module):
  """One transformer layer. Pre-norm for decoders (llama, gpt2), post-norm for BERT.

  Written in scan form: carry (x, cache) -> (x, cache) for layer index `layer`, with the
  broadcast arguments (mask, positions, cache_index), so `nn.scan` can stack layers. The
  stacked cache (or None) rides in the carry and is updated in place at `layer`.
  """

  cfg: ModelConfig

  @nn.compact
  def __call__(self, carry, layer, mask, positions, cache_index):
    x, cache = carry
    cfg = self.cfg
    attn = Attention(cfg, name="attn")
    mlp = MLP(cfg, name="mlp")
    if cfg.family == "bert":
      a, cache = attn(x, mask, positions, cache, cache_index, layer)
      x = make_norm(cfg, "norm1")(x + a)
      x = make_norm(cfg, "norm2")(x + mlp(x))
    else:
      a, cache = attn(make_norm(cfg, "norm1")(x), mask, positions, cache, cache_index, layer)
      x = x + a
      x = x + mlp(make_norm(cfg, "norm2")(x))
    x = nn.with_logical_constraint(x, ("batch", "length", "embed"))
    return (x, cache), None


class Stack(nn.Module):
  """`num_layers` Blocks: one scanned, stacked-parameter layer (compile time flat in depth)
  or, with scan_layers=False, separate `layers_i` parameters.

  (x, cache {"k","v": [L, B, S, KVH, Dh]} or None, ...) -> (x, updated cache or None).
  """

  cfg: ModelConfig

  @nn.compact
  def __call__(self, x, cache, mask, positions, cache_index):
    cfg = self.cfg
    block = Block
    if cfg.remat:
      block = nn.remat(Block, prevent_cse=not cfg.scan_layers)
    carry = (x, cache)
    if cfg.scan_layers:
      scanned = nn.scan(
        block,
        variable_axes={"params": 0},
        split_rngs={"params": True},
        in_axes=(0, nn.broadcast, nn.broadcast, nn.broadcast),
        length=cfg.num_layers,
        metadata_params={nn.PARTITION_NAME: "layers"},
      )
      carry, _ = scanned(cfg, name="block")(
        carry, jnp.arange(cfg.num_layers), mask, positions, cache_index
      )
      return carry
    for i in range(cfg.num_layers):
      carry, _ = block(cfg, name=f"layers_{i}")(carry, i, mask, positions, cache_index)
    return carry

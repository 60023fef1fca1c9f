"""One hashable config for every model family (decoder LMs and text encoders)."""

from __future__ import annotations

import dataclasses
from typing import Any

import jax.numpy as jnp

FAMILIES = ("llama", "gpt2", "bert")
DTYPES = ("float32", "bfloat16", "float16")  # compute and parameter dtypes
ATTENTION_IMPLS = ("einsum", "dot_product", "cudnn")  # see layers.Attention


@dataclasses.dataclass(frozen=True)
class ModelConfig:
  """Architecture hyper-parameters.

  family: "llama" (Llama 2/3, Mistral, Qwen2, SmolLM2), "gpt2", or "bert" (BERT/RoBERTa
  encoders, MiniLM included). Frozen and hashable so it can be a static jit argument.
  """

  family: str
  vocab_size: int
  hidden_size: int
  num_layers: int
  num_heads: int
  intermediate_size: int
  num_kv_heads: int | None = None
  head_dim: int | None = None
  max_position_embeddings: int = 2048
  norm_eps: float = 1e-5
  # llama family
  rope_theta: float = 10000.0
  rope_scaling: tuple[tuple[str, Any], ...] | None = None  # sorted items of HF rope_scaling
  attention_bias: bool = False  # q/k/v bias (Qwen2: True)
  tie_embeddings: bool = False
  # decoders: add g(h_t) * [v occurs in the prompt] to each logit v, g a learned linear gate
  # on the hidden state (zero at init); see `CausalLM.logits`
  seen_gate: bool = False
  # with seen_gate: add a learned per-id bias b_v (zero at init) to the gate, (g(h_t) + b_v)
  # * [v occurs in the prompt], so that seen names can be pushed down and seen template words
  # ("Is", "it", "?") left alone
  seen_bias: bool = False
  # with seen_gate and a `seen` prompt: the layers read only the last attend_len prompt
  # tokens (and what follows), the gate counts all of them as seen; 0 = the whole prompt
  attend_len: int = 0
  # gpt2 / bert
  activation: str = "silu"  # "silu" (gated), "gelu_new" (tanh approx), "gelu" (erf)
  type_vocab_size: int = 2
  position_offset: int = 0  # RoBERTa: padding_idx + 1
  pooling: str = "pooler"  # encoders: "pooler" (dense+tanh on [CLS]), "cls", "mean"
  # special tokens, kept for generation defaults
  bos_token_id: int | None = None
  eos_token_id: int | None = None
  pad_token_id: int | None = None
  # execution
  dtype: str = "float32"  # compute dtype
  param_dtype: str = "float32"
  scan_layers: bool = True
  remat: bool = False
  # "einsum" (XLA), "dot_product" (jax.nn.dot_product_attention: cuDNN flash attention on
  # GPUs where it applies) or "cudnn" (cuDNN or an error); see layers.Attention
  attention_impl: str = "einsum"

  def __post_init__(self):
    if self.family not in FAMILIES:
      raise ValueError(f"ModelConfig.family must be one of {FAMILIES}, got {self.family!r}")
    for name in ("vocab_size", "hidden_size", "num_layers", "num_heads", "intermediate_size"):
      if int(getattr(self, name)) <= 0:
        raise ValueError(f"ModelConfig.{name} must be positive, got {getattr(self, name)}")
    if self.hidden_size % self.num_heads and self.head_dim is None:
      raise ValueError(
        f"hidden_size {self.hidden_size} is not divisible by num_heads "
        f"{self.num_heads}; set head_dim explicitly"
      )
    if self.num_heads % self.kv_heads:
      raise ValueError(
        f"num_heads {self.num_heads} must be a multiple of num_kv_heads {self.kv_heads}"
      )
    if self.seen_bias and not self.seen_gate:
      raise ValueError("ModelConfig.seen_bias needs seen_gate=True")
    if int(self.attend_len) < 0:
      raise ValueError(f"ModelConfig.attend_len must be >= 0, got {self.attend_len}")
    if self.pooling not in ("pooler", "cls", "mean"):
      raise ValueError(f"ModelConfig.pooling must be pooler|cls|mean, got {self.pooling!r}")
    for name, allowed in (
      ("dtype", DTYPES),
      ("param_dtype", DTYPES),
      ("attention_impl", ATTENTION_IMPLS),
    ):
      value = getattr(self, name)
      if value not in allowed:
        raise ValueError(f"ModelConfig.{name} must be {'|'.join(allowed)}, got {value!r}")

  @property
  def kv_heads(self) -> int:
    return self.num_kv_heads or self.num_heads

  @property
  def dim_per_head(self) -> int:
    return self.head_dim or self.hidden_size // self.num_heads

  @property
  def is_decoder(self) -> bool:
    return self.family in ("llama", "gpt2")

  @property
  def compute_dtype(self):
    return jnp.dtype(self.dtype)

  @property
  def weight_dtype(self):
    return jnp.dtype(self.param_dtype)

  def replace(self, **kw) -> "ModelConfig":
    return dataclasses.replace(self, **kw)

  def num_params(self) -> int:
    """Parameter count (embeddings included), for MFU and memory estimates."""
    d, f, v, n = self.hidden_size, self.intermediate_size, self.vocab_size, self.num_layers
    hd, h, kv = self.dim_per_head, self.num_heads, self.kv_heads
    attn = d * hd * (h + 2 * kv) + h * hd * d
    mlp = (3 if self.activation == "silu" else 2) * d * f
    emb = v * d + (0 if self.family == "llama" else self.max_position_embeddings * d)
    head = 0 if (self.tie_embeddings or not self.is_decoder) else v * d
    return n * (attn + mlp) + emb + head

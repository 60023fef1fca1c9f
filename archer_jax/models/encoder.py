"""BERT / RoBERTa text encoders with a pooled output (the critic's backbone; MiniLM is a BERT)."""

from __future__ import annotations

import flax.linen as nn
import jax.numpy as jnp

from archer_jax.models.config import ModelConfig
from archer_jax.models.layers import DenseND, Stack, bidirectional_mask, make_norm, param_init


class Encoder(nn.Module):
  """tokens [B, T], attention_mask [B, T] -> {"hidden": [B, T, D], "pooled": [B, D]}.

  Positions are counted over real tokens (right or left padding both work) and shifted by
  `position_offset` (RoBERTa: padding_idx + 1). Pooling: "pooler" = tanh(W h_[CLS] + b)
  (BERT/RoBERTa pooler_output), "cls" = h_[CLS], "mean" = masked mean (sentence-transformers).
  """

  cfg: ModelConfig

  @nn.compact
  def __call__(self, tokens, attention_mask=None, token_type_ids=None):
    cfg = self.cfg
    if attention_mask is None:
      attention_mask = jnp.ones(tokens.shape, dtype=bool)
    am = attention_mask.astype(jnp.int32)
    positions = jnp.maximum(jnp.cumsum(am, axis=-1) - 1, 0) * am + cfg.position_offset
    # RoBERTa's padding positions sit at padding_idx; BERT's are irrelevant (masked out).
    positions = jnp.where(am > 0, positions, max(cfg.position_offset - 1, 0))
    if token_type_ids is None:
      token_type_ids = jnp.zeros_like(tokens)
    emb = lambda n, name, axes: nn.Embed(
      n,
      cfg.hidden_size,
      dtype=cfg.compute_dtype,
      param_dtype=cfg.weight_dtype,
      name=name,
      embedding_init=param_init(axes),
    )
    x = (
      emb(cfg.vocab_size, "embed", ("vocab", "embed"))(tokens)
      + emb(cfg.max_position_embeddings, "pos_embed", ("positions", "embed"))(positions)
      + emb(cfg.type_vocab_size, "type_embed", (None, "embed"))(token_type_ids)
    )
    x = make_norm(cfg, "embed_norm")(x)
    x = nn.with_logical_constraint(x, ("batch", "length", "embed"))
    x, _ = Stack(cfg, name="layers")(x, None, bidirectional_mask(attention_mask), positions, None)
    if cfg.pooling == "mean":
      w = attention_mask.astype(x.dtype)[..., None]
      pooled = (x * w).sum(1) / jnp.maximum(w.sum(1), 1.0)
    else:
      # the first *real* token ([CLS] under right padding; left-padded rows start later)
      first = jnp.argmax(attention_mask.astype(jnp.int32), axis=-1)
      h0 = jnp.take_along_axis(x, first[:, None, None], axis=1)[:, 0]
      if cfg.pooling == "cls":
        pooled = h0
      else:
        pooled = jnp.tanh(
          DenseND(
            (cfg.hidden_size,),
            1,
            ("embed", "embed_out"),
            True,
            cfg.compute_dtype,
            cfg.weight_dtype,
            name="pooler",
          )(h0)
        )
    return {"hidden": x, "pooled": pooled.astype(jnp.float32)}

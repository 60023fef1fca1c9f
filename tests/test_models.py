"""Model-core invariants: padding side never changes an encoder's outputs."""

from __future__ import annotations

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from archer_jax.models import Encoder, ModelConfig


@pytest.mark.parametrize("pooling", ["pooler", "cls", "mean"])
def test_encoder_left_and_right_padding_agree(pooling):
  cfg = ModelConfig(
    family="bert",
    vocab_size=50,
    hidden_size=32,
    num_layers=2,
    num_heads=4,
    intermediate_size=64,
    activation="gelu",
    pooling=pooling,
  )
  seqs = [[3, 7, 9, 11, 4], [5, 6]]
  t = 8
  right = np.zeros((2, t), np.int32)
  rm = np.zeros((2, t), bool)
  left = np.zeros((2, t), np.int32)
  lm = np.zeros((2, t), bool)
  for i, s in enumerate(seqs):
    right[i, : len(s)], rm[i, : len(s)] = s, True
    left[i, t - len(s) :], lm[i, t - len(s) :] = s, True
  model = Encoder(cfg)
  params = nn.meta.unbox(model.init(jax.random.PRNGKey(0), jnp.asarray(right))["params"])
  a = model.apply({"params": params}, jnp.asarray(right), jnp.asarray(rm))
  b = model.apply({"params": params}, jnp.asarray(left), jnp.asarray(lm))
  np.testing.assert_allclose(np.asarray(a["pooled"]), np.asarray(b["pooled"]), atol=1e-5)
  for i, s in enumerate(seqs):
    np.testing.assert_allclose(
      np.asarray(a["hidden"][i, : len(s)]), np.asarray(b["hidden"][i, t - len(s) :]), atol=1e-5
    )

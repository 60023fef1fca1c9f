"""Numerics from the config: "auto" dtypes per platform, float32 master weights under bf16
compute, the attention kernel option, and what a bad value says."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import ml_collections as mlc
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archer_jax.models import ModelConfig  # noqa: E402
from archer_jax.training import precision  # noqa: E402
from archer_jax.training.validate import ConfigError, override, validate  # noqa: E402
from configs import twenty_questions  # noqa: E402


def _section(**kw):
  return mlc.ConfigDict(dict(dict(dtype="auto", param_dtype="auto", attention="einsum"), **kw))


@pytest.mark.parametrize(
  "platform,compute",
  [("cpu", "float32"), ("gpu", "bfloat16"), ("cuda", "bfloat16"), ("tpu", "bfloat16")],
)
def test_auto_is_bf16_compute_with_float32_weights_on_accelerators(platform, compute):
  for who in ("actor", "critic"):
    got = precision.model_fields(_section(), who, platform)
    assert got == {"dtype": compute, "param_dtype": "float32", "attention_impl": "einsum"}


def test_a_lora_base_is_stored_in_the_compute_dtype_and_explicit_values_win():
  lora = _section(lora_rank=16)
  assert precision.model_fields(lora, "actor", "tpu")["param_dtype"] == "bfloat16"
  assert precision.model_fields(lora, "actor", "cpu")["param_dtype"] == "float32"
  # the critic has no LoRA: its weights are trained, so float32
  assert precision.model_fields(lora, "critic", "tpu")["param_dtype"] == "float32"
  explicit = _section(dtype="float16", param_dtype="bfloat16", attention="dot_product", lora_rank=4)
  assert precision.model_fields(explicit, "actor", "cpu") == {
    "dtype": "float16",
    "param_dtype": "bfloat16",
    "attention_impl": "dot_product",
  }


@pytest.mark.parametrize(
  "field,value",
  [
    ("actor.dtype", "float64"),
    ("critic.dtype", "bf16"),
    ("actor.param_dtype", "int8"),
    ("critic.attention", "flash"),
  ],
)
def test_a_bad_value_names_its_field(field, value):
  c = twenty_questions.get_config("smoke")
  override(c, field, value)
  with pytest.raises(ConfigError, match=re.escape(f"config.{field} must be")):
    validate(c)


def test_model_config_rejects_an_unknown_attention_kernel():
  with pytest.raises(ValueError, match="attention_impl"):
    ModelConfig("llama", 64, 32, 2, 4, 64, attention_impl="flash")


def test_bf16_compute_follows_float32_within_bf16_rounding():
  """The same float32 weights applied with bfloat16 compute: the actor's log-probs and the
  critic's Q and V stay within bf16 rounding of the float32 forward pass, and come out f32."""
  from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue

  rng = np.random.default_rng(0)
  tokens = jnp.asarray(rng.integers(3, 64, (3, 12)), jnp.int32)
  mask = jnp.asarray(np.arange(12)[None] >= np.array([[0], [3], [5]]))
  actor32 = ModelConfig("llama", 64, 32, 2, 4, 64, num_kv_heads=2, tie_embeddings=True)
  critic32 = ModelConfig("bert", 64, 32, 2, 4, 64, activation="gelu", pooling="mean")
  pos = jnp.maximum(jnp.cumsum(mask, 1) - 1, 0)

  actor_p = jax.jit(PolicyWithValue(actor32).init)(jax.random.PRNGKey(0), tokens, pos, mask)
  critic_p = jax.jit(DoubleCritic(critic32).init)(
    jax.random.PRNGKey(1), tokens, mask, tokens[:, :4], mask[:, :4]
  )

  def logp(cfg):
    out = PolicyWithValue(cfg).apply(actor_p, tokens, pos, mask)
    assert out["logits"].dtype == jnp.float32
    return np.asarray(jax.nn.log_softmax(out["logits"], -1))[np.asarray(mask)]

  def values(cfg):
    out = DoubleCritic(cfg).apply(critic_p, tokens, mask, tokens[:, :4], mask[:, :4])
    assert all(v.dtype == jnp.float32 for v in out.values())
    return np.stack([np.asarray(out[k]) for k in ("q1", "q2", "v1", "v2")])

  bf = dict(dtype="bfloat16", param_dtype="float32")
  ref, got = logp(actor32), logp(actor32.replace(**bf))
  assert not np.array_equal(ref, got)  # the compute did change
  np.testing.assert_allclose(got, ref, atol=0.05 * np.abs(ref).max())
  ref, got = values(critic32), values(critic32.replace(**bf))
  np.testing.assert_allclose(got, ref, atol=0.05 * np.abs(ref).max() + 1e-3)


def test_bf16_compute_trains_float32_master_weights(tmp_path):
  """A smoke run with bf16 compute and the dot-product attention kernel selected from the
  config: the networks compute in bf16, every parameter, target and optimizer moment stays
  float32, and a critic and an actor phase move the weights with finite losses."""
  from archer_jax.training.trainer import Trainer

  c = twenty_questions.get_config("smoke")
  c.workdir = str(tmp_path / "run")
  for who in ("actor", "critic"):
    c[who].update(dtype="bfloat16", attention="dot_product")
  t = Trainer(c, progress=False)
  for cfg in (t.nets.actor_cfg, t.nets.critic_cfg):
    assert (cfg.dtype, cfg.param_dtype, cfg.attention_impl) == (
      "bfloat16",
      "float32",
      "dot_product",
    )
  floats = lambda tree: [x for x in jax.tree.leaves(tree) if jnp.issubdtype(x.dtype, jnp.floating)]
  assert {x.dtype for x in floats(t.state)} == {jnp.dtype("float32")}
  before = [np.array(x) for x in jax.tree.leaves((t.state.actor.params, t.state.critic.params))]
  t.collect(0)
  t.state, crit = t.algorithm.critic_phase(t.state, t.buffer, 0, 2, 2)
  t.state, act = t.algorithm.actor_phase(t.state, t.buffer, 0)
  after = jax.tree.leaves((t.state.actor.params, t.state.critic.params))
  assert {x.dtype for x in floats(t.state)} == {jnp.dtype("float32")}
  assert sum(not np.array_equal(a, np.asarray(b)) for a, b in zip(before, after, strict=True)) > 0
  for metrics in (crit, act):
    vals = [float(v) for v in jax.device_get(metrics).values() if np.ndim(v) == 0]
    assert vals and np.all(np.isfinite(vals)), metrics

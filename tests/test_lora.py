"""LoRA runs end to end: only the adapters train, a checkpoint holds the adapters (and heads
and optimiser state) but not the frozen base model, whose fingerprint it records; resume is
bit-identical, and resuming onto another base model fails naming actor.model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from test_train import _assert_same_run, _run, micro_config  # noqa: E402

from archer_jax.training.validate import ConfigError  # noqa: E402

# kl_coef > 0: the run keeps a reference policy (its own adapters; the frozen base is shared)
LORA = {"actor.lora_rank": 4, "algo.kl_coef": 0.1, "train.iterations": 2, "train.eval_every": 1}


def _saved_keys(workdir: Path, step: int) -> list[str]:
  """The array paths a checkpoint step holds (its checksums item names every array)."""
  item = workdir / "checkpoints" / str(step) / "checksums" / "metadata"
  return list(json.loads(item.read_text())["arrays"])


@pytest.mark.slow
def test_lora_checkpoints_hold_adapters_only_and_resume_bit_identically(tmp_path):
  from archer_jax.training.trainer import Trainer

  full = _run(micro_config(tmp_path / "a", **LORA))
  lm0 = Trainer(micro_config(tmp_path / "fresh", **LORA), progress=False).state.actor.params
  # the base never moves; the adapters do
  base0, base = jax.tree.leaves(lm0["lm"]), jax.tree.leaves(full.state.actor.params["lm"])
  for x, y in zip(base0, base, strict=True):
    np.testing.assert_array_equal(np.asarray(x), np.asarray(y))
  b0 = np.asarray(lm0["lora"]["q"]["b"])
  assert not np.any(b0) and np.any(np.asarray(full.state.actor.params["lora"]["q"]["b"]))

  keys = _saved_keys(Path(full.workdir), 2)
  assert any(k.startswith("state/actor/params/lora/") for k in keys), keys[:5]
  assert any(k.startswith("state/ref/lora/") for k in keys), keys[:5]
  assert not [k for k in keys if "/params/lm/" in k or k.startswith("state/ref/lm/")]

  part = micro_config(tmp_path / "b", **LORA)
  part.train.iterations = 1
  _run(part)
  _assert_same_run(full, _run(micro_config(tmp_path / "b", **LORA), resume=True))

  # the same checkpoint onto another base model
  other = micro_config(tmp_path / "b", **LORA)
  other.seed = 1  # another initial base model
  with pytest.raises(ConfigError, match=r"config\.actor\.model: .*another base model"):
    Trainer(other, resume=True, progress=False)


def test_sampler_merges_the_adapters_once_per_version(tmp_path):
  """Policy.lm_for: the LoRA merge runs once for repeated calls with the same adapters (a
  rollout's turns), again when the adapters change, and equals lora.merge; a reference
  policy's params without adapters are used as they are."""
  from archer_jax.algorithms import lora
  from archer_jax.training.trainer import Trainer

  t = Trainer(micro_config(tmp_path, **LORA), progress=False)
  policy, params = t.ctx.policy, t.state.actor.params
  calls = []
  merge = policy._merge
  policy._merge = lambda p: calls.append(1) or merge(p)
  first = policy.lm_for(params)
  assert policy.lm_for(params) is first and policy.lm_for(dict(params)) is first
  assert len(calls) == 1
  bumped = jax.tree.map(lambda x: x + 0.5, params["lora"])
  second = policy.lm_for({**params, "lora": bumped})
  assert len(calls) == 2
  c = t.config.actor
  want = lora.merge(params["lm"], bumped, c.lora_alpha, c.lora_rank)
  for x, y in zip(jax.tree.leaves(want), jax.tree.leaves(second), strict=True):
    np.testing.assert_allclose(np.asarray(x), np.asarray(y), rtol=1e-6, atol=1e-6)
  assert policy.lm_for({"lm": params["lm"]}) is params["lm"]


def test_lora_reference_shares_the_frozen_base(tmp_path):
  """Under LoRA the KL anchor keeps only its adapters: the base LM is the actor's own (frozen,
  never trained), so the reference holds no second copy, and the actor step's loss and KL
  equal those against a reference holding a full copy of the base."""
  from archer_jax.training.state import copy_params
  from archer_jax.training.trainer import Trainer

  t = Trainer(micro_config(tmp_path, **LORA), progress=False)
  assert sorted(t.state.ref) == ["lora"]
  step, (actor, critic, batch, ref) = {n: (s, a) for n, s, a in t.algorithm.programs(t.state)}[
    "actor"
  ]
  rng = np.random.default_rng(0)
  a, c = batch["actor"], batch["critic"]
  for part in (a, c):
    part["obs"] = rng.integers(1, 40, part["obs"].shape).astype(part["obs"].dtype)
    part["obs_mask"] = np.ones_like(part["obs_mask"])
  a["act"] = rng.integers(1, 40, a["act"].shape).astype(a["act"].dtype)
  a["act_mask"], a["valid"] = np.ones_like(a["act_mask"]), np.ones_like(a["valid"])
  c["pi_act_mask"] = np.ones_like(c["pi_act_mask"])
  # the adapters moved away from the reference's, so the KL is not zero
  bumped = jax.tree.map(lambda x: x + 0.05, actor.params["lora"])
  actor = actor.replace(params=dict(actor.params, lora=bumped))
  own = t.ctx.device_batch(batch)
  full_ref = dict(ref, lm=copy_params(actor.params["lm"]))
  _, shared = step(jax.tree.map(jnp.copy, actor), critic, own, ref)
  _, full = step(jax.tree.map(jnp.copy, actor), critic, own, full_ref)
  shared, full = jax.device_get(shared), jax.device_get(full)
  assert shared["kl"] > 0
  for k in full:
    np.testing.assert_array_equal(shared[k], full[k], err_msg=k)

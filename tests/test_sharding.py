"""Sharding equivalence: one critic step (DoubleCritic over a tiny BERT) and one actor step
(PolicyWithValue over a tiny llama, token baseline on) on an 8-device CPU mesh (2, 2, 2)
give the single-device (1, 1, 1) result, and the parameters really are sharded.

XLA_FLAGS must be set before jax initialises its backend, so the 8-device part runs in a
subprocess that prints one JSON line of results.
"""

from __future__ import annotations

import json
import os

import pytest
from _helpers import run_on_cpu_devices

SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import flax.linen as nn, jax, jax.numpy as jnp, numpy as np
from _helpers import critic_batch, policy_batch
from archer_jax.algorithms import steps
from archer_jax.algorithms.networks import DoubleCritic, PolicyWithValue
from archer_jax.models import ModelConfig
from archer_jax.parallel.mesh import RULES, data_sharding, make_mesh
from archer_jax.training.builder import frozen_encoder_mask
from archer_jax.training.state import copy_params, create_state, init_params, make_optimizer

assert jax.device_count() == 8, jax.devices()
V = 64
CCFG = ModelConfig(family="bert", vocab_size=V, hidden_size=32, num_layers=1, num_heads=4,
                   intermediate_size=64, max_position_embeddings=64, activation="gelu")
ACFG = ModelConfig(family="llama", vocab_size=V, hidden_size=32, num_layers=1, num_heads=4,
                   num_kv_heads=2, intermediate_size=64, max_position_embeddings=64)
rng = np.random.default_rng(0)
VALID = [1, 1, 0, 1, 1, 1, 0, 1]
cbatch = critic_batch(rng, VALID, lo=10, la=5, vocab=V)
b = len(VALID)
# cached encoder features in place of the ids (what critic.freeze_encoder batches carry)
fbatch = dict(cbatch, **{k: rng.normal(size=(b, 32)).astype(np.float32)
                         for k in ("obs", "next_obs", "act", "pi_act")})
abatch = policy_batch(rng, rng.integers(1, 9, b), rng.integers(1, 7, b), VALID, 8, 6, V)
abatch["old_logp"] = (rng.normal(size=(b, 6)) * 0.3 - 3.0).astype(np.float32)

cnet, anet = DoubleCritic(CCFG), PolicyWithValue(ACFG, value_head=True)
embed = lambda p, t, m: cnet.apply({"params": p}, t, m, method=DoubleCritic.embed)
heads = lambda p, es, ea=None: cnet.apply({"params": p}, es, ea, method=DoubleCritic.heads)
apply = lambda p, t, pos, m, **kw: anet.apply({"params": p}, t, pos, m, **kw)
jnet = DoubleCritic(CCFG, joint=True)
embed_act_joint = lambda p, o, om, t, m: jnet.apply({"params": p}, o, om, t, m,
                                                    method=DoubleCritic.embed_action)


def under(mesh, fn):
  def run(*args):
    with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
      return fn(*args)
  return run


def put(batch, mesh):
  return {k: jax.device_put(np.asarray(v), data_sharding(mesh, np.ndim(v)))
          for k, v in batch.items()}


def specs(tree):
  return [str(x.sharding.spec) for x in jax.tree.leaves(tree)]


def run(mesh):
  out = {}
  tx_c = make_optimizer(1e-3, grad_clip=1.0)
  tx_a = make_optimizer(1e-3, grad_clip=1.0)
  cdummy = (jnp.zeros((2, 10), jnp.int32), jnp.ones((2, 10), bool),
            jnp.zeros((2, 5), jnp.int32), jnp.ones((2, 5), bool))
  critic, csh = create_state(cnet, cdummy, tx_c, mesh, jax.random.PRNGKey(1))
  # a target that differs from the online critic, sharded like it
  target = jax.jit(lambda p: jax.tree.map(lambda x: x * 0.9, p),
                   out_shardings=csh.params)(copy_params(critic.params, csh.params))
  out["critic_init"] = jax.tree.map(np.asarray, critic.params)
  cstep = jax.jit(lambda s, t, bt: steps.critic_step(
      s, t, bt, tx=tx_c, embed=embed, heads=heads, gamma=0.9, tau=0.1, num_micro=2),
      donate_argnums=(0, 1), out_shardings=(csh, csh.params, None))
  critic, target, cm = under(mesh, cstep)(critic, target, put(cbatch, mesh))
  out["critic_specs"], out["critic_opt_specs"] = specs(critic.params), specs(critic.opt_state)
  out["target_specs"] = specs(target)
  out["critic"] = jax.tree.map(np.asarray, critic.params)
  out["target"] = jax.tree.map(np.asarray, target)
  out["cm"] = {k: float(v) for k, v in cm.items()}
  # the joint critic (Q's action read in the context of concat(s, a)): same parameters
  jstate, _ = create_state(cnet, cdummy, tx_c, mesh, jax.random.PRNGKey(1))
  jtarget = copy_params(jstate.params, csh.params)
  jstep = jax.jit(lambda s, t, bt: steps.critic_step(
      s, t, bt, tx=tx_c, embed=embed, heads=heads, embed_act=embed_act_joint, gamma=0.9,
      tau=0.1, num_micro=2), donate_argnums=(0, 1), out_shardings=(csh, csh.params, None))
  jstate, _, _ = under(mesh, jstep)(jstate, jtarget, put(cbatch, mesh))
  out["critic_joint"] = jax.tree.map(np.asarray, jstate.params)
  # critic.freeze_encoder: heads only, on cached features (masked optimizer, identity embeds)
  tx_f = make_optimizer(1e-3, grad_clip=1.0, trainable=frozen_encoder_mask)
  fstate, fsh = create_state(cnet, cdummy, tx_f, mesh, jax.random.PRNGKey(1))  # = critic_init
  ftarget = copy_params(fstate.params, fsh.params)
  fstep = jax.jit(lambda s, t, bt: steps.critic_step(
      s, t, bt, tx=tx_f, embed=lambda p, f, m: f, heads=heads,
      embed_act=lambda p, o, om, f, m: f, gamma=0.9, tau=0.1, num_micro=2),
      donate_argnums=(0, 1), out_shardings=(fsh, fsh.params, None))
  fstate, _, fm = under(mesh, fstep)(fstate, ftarget, put(fbatch, mesh))
  out["critic_frozen"] = jax.tree.map(np.asarray, fstate.params)
  out["fm"] = {k: float(v) for k, v in fm.items()}

  actor, ash = create_state(anet, (jnp.zeros((2, 14), jnp.int32),), tx_a, mesh,
                            jax.random.PRNGKey(2))
  ref = copy_params(jax.jit(lambda p: jax.tree.map(lambda x: x * 1.05, p),
                            out_shardings=ash.params)(actor.params), ash.params)
  out["actor_init"] = jax.tree.map(np.asarray, actor.params)
  astep = jax.jit(lambda s, bt, r: steps.actor_step(
      s, bt, r, tx=tx_a, apply=apply, num_micro=2, normalize_advantage=True, baseline=True,
      entropy_coef=0.01, kl_coef=0.05, clip_eps=0.2),
      donate_argnums=(0,), out_shardings=(ash, None))
  actor, am = under(mesh, astep)(actor, put(abatch, mesh), ref)
  out["actor_specs"] = specs(actor.params)
  out["actor"] = jax.tree.map(np.asarray, actor.params)
  out["am"] = {k: float(v) for k, v in am.items()}
  # heads for a pretrained encoder: initialised alone, sharded, equal to a full init's
  hp = init_params(cnet, cdummy, jax.random.PRNGKey(5), mesh, keep=("q1", "q2", "v1", "v2"))
  full = nn.meta.unbox(jax.jit(cnet.init)(jax.random.PRNGKey(5), *cdummy)["params"])
  out["heads_vs_full"] = max(float(np.max(np.abs(np.asarray(x) - np.asarray(y)))) for x, y in
                             zip(jax.tree.leaves(hp),
                                 jax.tree.leaves({k: full[k] for k in hp}), strict=True))
  out["heads_specs"] = specs(hp)
  return out


big = run(make_mesh((2, 2, 2)))
one = run(make_mesh((1, 1, 1), devices=jax.devices()[:1]))


def max_diff(a, b):
  return max(float(np.max(np.abs(x - y))) for x, y in
             zip(jax.tree.leaves(a), jax.tree.leaves(b)))


res = {
    "init_diff": max(max_diff(big["critic_init"], one["critic_init"]),
                     max_diff(big["actor_init"], one["actor_init"])),
    "critic_diff": max_diff(big["critic"], one["critic"]),
    "target_diff": max_diff(big["target"], one["target"]),
    "critic_joint_diff": max_diff(big["critic_joint"], one["critic_joint"]),
    "critic_joint_vs_plain": max_diff(one["critic_joint"], one["critic"]),
    "actor_diff": max_diff(big["actor"], one["actor"]),
    "critic_frozen_diff": max_diff(big["critic_frozen"], one["critic_frozen"]),
    "frozen_encoder_moved": max_diff(one["critic_frozen"]["encoder"],
                                     one["critic_init"]["encoder"]),
    "frozen_heads_moved": max_diff(one["critic_frozen"]["q1"], one["critic_init"]["q1"]),
    "fm": [big["fm"], one["fm"]],
    "critic_moved": max_diff(one["critic"], one["critic_init"]),
    "actor_moved": max_diff(one["actor"], one["actor_init"]),
    "cm": [big["cm"], one["cm"]], "am": [big["am"], one["am"]],
    "specs": {k: big[k] for k in ("critic_specs", "critic_opt_specs", "target_specs",
                                  "actor_specs")},
    "one_specs": one["critic_specs"] + one["actor_specs"],
    "heads_vs_full": max(big["heads_vs_full"], one["heads_vs_full"]),
    "heads_specs": big["heads_specs"],
}
print("RESULT " + json.dumps(res))
"""


@pytest.fixture(scope="module")
def result():
  here = os.path.dirname(os.path.abspath(__file__))
  out = run_on_cpu_devices(SCRIPT, 8, here)
  lines = [line for line in out.splitlines() if line.startswith("RESULT ")]
  assert lines, out[-3000:]
  return json.loads(lines[-1][len("RESULT ") :])


def test_same_initial_parameters(result):
  assert result["init_diff"] == 0.0


def test_critic_step_matches_single_device(result):
  assert result["critic_moved"] > 1e-4  # the step really changed the parameters
  assert result["critic_diff"] < 1e-5, result["critic_diff"]
  assert result["target_diff"] < 1e-5, result["target_diff"]
  big, one = result["cm"]
  for k in one:
    assert abs(big[k] - one[k]) <= 1e-5 * max(1.0, abs(one[k])), (k, big[k], one[k])


def test_joint_critic_step_matches_single_device(result):
  assert result["critic_joint_vs_plain"] > 1e-6  # a different update from the same start
  assert result["critic_joint_diff"] < 1e-5, result["critic_joint_diff"]


def test_frozen_encoder_critic_step_matches_single_device(result):
  assert result["frozen_encoder_moved"] == 0.0 and result["frozen_heads_moved"] > 1e-4
  assert result["critic_frozen_diff"] < 1e-5, result["critic_frozen_diff"]
  big, one = result["fm"]
  for k in one:
    assert abs(big[k] - one[k]) <= 1e-5 * max(1.0, abs(one[k])), (k, big[k], one[k])


def test_actor_step_matches_single_device(result):
  assert result["actor_moved"] > 1e-4
  assert result["actor_diff"] < 1e-5, result["actor_diff"]
  big, one = result["am"]
  assert "value_loss" in one and "kl" in one
  for k in one:
    assert abs(big[k] - one[k]) <= 1e-5 * max(1.0, abs(one[k])), (k, big[k], one[k])


def test_parameters_are_sharded_on_the_mesh(result):
  s = result["specs"]
  for name in ("critic_specs", "actor_specs"):
    joined = " ".join(s[name])
    assert "'tensor'" in joined and "'fsdp'" in joined, (name, s[name])
  # targets and Adam moments follow the parameters' layout
  assert set(s["target_specs"]) == set(s["critic_specs"])
  assert any("'tensor'" in x for x in s["critic_opt_specs"])
  # on one device every spec resolves to replication
  assert all("tensor" not in x and "fsdp" not in x for x in result["one_specs"])


def test_heads_for_a_pretrained_network_are_initialised_sharded(result):
  """`state.init_params`: the critic heads alone (the encoder is traced, never computed),
  equal to a full init's heads, born in their mesh shardings."""
  assert result["heads_vs_full"] == 0.0
  assert any("'tensor'" in x for x in result["heads_specs"]), result["heads_specs"]

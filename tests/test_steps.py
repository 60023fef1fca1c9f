"""Update steps: exact gradient accumulation over micro-batches, the fused Polyak update,
per-network gradient clipping before Adam, advantage normalisation, and a critic sanity run.

Accumulation is compared under plain SGD (lr = 1), where the parameter change is the
gradient itself: Adam's first step is ~ lr * sign(g) and would hide gradient errors.
"""

from __future__ import annotations

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
import pytest
from _helpers import (
  assert_trees_close,
  critic_batch,
  fast_jit,
  np_embed,
  np_heads,
  np_tree,
  policy_batch,
  tiny_policy,
  toy_critic_params,
  toy_embed,
  toy_heads,
)

from archer_jax.algorithms import losses, steps
from archer_jax.algorithms.networks import DoubleCritic
from archer_jax.models import ModelConfig
from archer_jax.training.state import TrainState, make_optimizer

SGD = optax.sgd(1.0)
# rows 4, 5 make one micro-batch of four entirely invalid; the others are mixed
VALID8 = [1, 1, 0, 1, 0, 0, 1, 1]


def critic_kw(**kw):
  return dict(dict(embed=toy_embed, heads=toy_heads, gamma=0.9, tau=0.1), **kw)


def run_critic_step(state, target, batch, tx, **kw):
  return fast_jit(lambda s, t, b: steps.critic_step(s, t, b, tx=tx, **critic_kw(**kw)))(
    state, target, batch
  )


# ---- accumulation ----------------------------------------------------------------------
def test_accumulate_grads_is_exact():
  rng = np.random.default_rng(0)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  batch = critic_batch(rng, VALID8)
  num_rows = float(np.sum(VALID8))
  loss_fn = lambda q, b: losses.critic_loss(
    q, tp, b, embed=toy_embed, heads=toy_heads, gamma=0.9, num_rows=num_rows
  )
  g1, m1 = fast_jit(lambda q, b: steps.accumulate_grads(loss_fn, q, b, 1))(p, batch)
  for k in (2, 4):  # (each lambda is traced inside its own iteration: the late-bound `k` is safe)
    gk, mk = fast_jit(lambda q, b: steps.accumulate_grads(loss_fn, q, b, k))(p, batch)  # noqa: B023
    assert_trees_close(gk, g1, rtol=1e-5, atol=1e-6, what=f"grads num_micro={k}")
    assert_trees_close(mk, m1, rtol=1e-5, atol=1e-6, what=f"metrics num_micro={k}")
  # and equals the plain full-batch gradient
  assert_trees_close(g1, jax.grad(lambda q: loss_fn(q, batch)[0])(p), rtol=1e-6, atol=1e-7)


def test_accumulate_grads_takes_gradients_of_trainable_leaves_only():
  """A trainable mask (LoRA's: the base model frozen) gives the same gradients on the True
  leaves and zeros on the rest, which are never differentiated."""
  rng = np.random.default_rng(0)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  batch = critic_batch(rng, VALID8)
  loss_fn = lambda q, b: losses.critic_loss(
    q, tp, b, embed=toy_embed, heads=toy_heads, gamma=0.9, num_rows=5.0
  )
  mask = lambda q: {k: jax.tree.map(lambda _: k in ("q1", "v2"), v) for k, v in q.items()}  # noqa: B023
  full, _ = fast_jit(lambda q, b: steps.accumulate_grads(loss_fn, q, b, 2))(p, batch)
  some, _ = fast_jit(lambda q, b: steps.accumulate_grads(loss_fn, q, b, 2, mask))(p, batch)
  for k in p:
    want = full[k] if k in ("q1", "v2") else jax.tree.map(jnp.zeros_like, full[k])
    assert_trees_close(some[k], want, rtol=1e-6, atol=1e-7, what=k)


@pytest.mark.parametrize("v_loss", ["mse", "expectile"])
def test_critic_step_micro_batches_match_one_batch(v_loss):
  rng = np.random.default_rng(1)
  p, tp = toy_critic_params(3), toy_critic_params(4)
  batch = critic_batch(rng, VALID8)
  out = {}
  for k in (1, 4):
    state = TrainState.create(p, SGD)
    out[k] = run_critic_step(state, tp, batch, SGD, num_micro=k, v_loss=v_loss)
  (s1, t1, m1), (s4, t4, m4) = out[1], out[4]
  assert_trees_close(s4.params, s1.params, rtol=1e-5, atol=1e-6, what="params")
  assert_trees_close(t4, t1, rtol=1e-5, atol=1e-6, what="target")
  for k in m1:
    np.testing.assert_allclose(float(m4[k]), float(m1[k]), rtol=1e-5, atol=1e-6, err_msg=k)
  # the step really moved the parameters
  assert (
    max(
      float(jnp.abs(a - b).max())
      for a, b in zip(jax.tree.leaves(s1.params), jax.tree.leaves(p), strict=True)
    )
    > 1e-3
  )


def toy_policy_apply(p, tokens, positions, mask, seen=None):
  """A bigram-ish stand-in LM: logits / values from the token and its position (`seen`,
  the observation `losses.action_logits` passes for a gated actor, unused)."""
  h = jnp.tanh(p["emb"][tokens] + p["pos"][positions])
  return {"logits": h @ p["out"], "values": h @ p["v"]}


def toy_policy_params(seed, vocab=16, dim=8, max_pos=32):
  rng = np.random.default_rng(seed)
  p = {
    "emb": rng.normal(size=(vocab, dim)),
    "pos": rng.normal(size=(max_pos, dim)) * 0.3,
    "out": rng.normal(size=(dim, vocab)),
    "v": rng.normal(size=(dim,)),
  }
  return jax.tree.map(lambda x: jnp.asarray(x, jnp.float32), p)


def actor_batch(rng, vocab, valid=VALID8, lo=6, la=5):
  b = len(valid)
  batch = policy_batch(
    rng, rng.integers(1, lo + 1, b), rng.integers(1, la + 1, b), valid, lo, la, vocab
  )
  batch["old_logp"] = (rng.normal(size=(b, la)) * 0.5 - 2.0).astype(np.float32)
  return batch


def run_actor_step(apply, state, batch, ref, tx, **kw):
  return fast_jit(lambda s, b, r: steps.actor_step(s, b, r, tx=tx, apply=apply, **kw))(
    state, batch, ref
  )


@pytest.mark.parametrize(
  "opts",
  [
    dict(),
    dict(
      baseline=True,
      value_coef=0.5,
      entropy_coef=0.01,
      kl_coef=0.1,
      clip_eps=0.2,
      normalize_advantage=True,
    ),
  ],
  ids=["plain", "all-options"],
)
def test_actor_step_micro_batches_match_one_batch_toy(opts):
  rng = np.random.default_rng(2)
  p = toy_policy_params(0)
  ref = toy_policy_params(1)
  batch = actor_batch(rng, 16)
  (s1, m1), (s4, m4) = (
    run_actor_step(
      toy_policy_apply, TrainState.create(p, SGD), batch, ref, SGD, num_micro=k, **opts
    )
    for k in (1, 4)
  )
  assert_trees_close(s4.params, s1.params, rtol=1e-5, atol=1e-6, what="params")
  for k in m1:
    np.testing.assert_allclose(float(m4[k]), float(m1[k]), rtol=1e-5, atol=1e-6, err_msg=k)


def test_bc_step_micro_batches_match_one_batch_toy():
  rng = np.random.default_rng(10)
  p = toy_policy_params(3)
  batch = actor_batch(rng, 16)
  (s1, m1), (s4, m4) = (
    fast_jit(lambda s, b, k=k: steps.bc_step(s, b, tx=SGD, apply=toy_policy_apply, num_micro=k))(
      TrainState.create(p, SGD), batch
    )
    for k in (1, 4)
  )
  assert_trees_close(s4.params, s1.params, rtol=1e-5, atol=1e-6, what="bc params")
  for k in m1:
    np.testing.assert_allclose(float(m4[k]), float(m1[k]), rtol=1e-5, atol=1e-6, err_msg=k)


def test_actor_step_micro_batches_match_one_batch_llama():
  """The real tiny llama + value head, all loss options, uneven masks, invalid rows."""
  net, p, apply = tiny_policy("llama", value_head=True, scale=1.0)
  ref = jax.tree.map(lambda x: x * 1.1, p)
  rng = np.random.default_rng(3)
  batch = actor_batch(rng, net.cfg.vocab_size, lo=8, la=6)
  opts = dict(baseline=True, entropy_coef=0.01, kl_coef=0.1, clip_eps=0.2)
  (s1, m1), (s4, m4) = (
    run_actor_step(apply, TrainState.create(p, SGD), batch, ref, SGD, num_micro=k, **opts)
    for k in (1, 4)
  )
  assert_trees_close(s4.params, s1.params, rtol=1e-4, atol=1e-6, what="actor params")
  for k in m1:
    np.testing.assert_allclose(float(m4[k]), float(m1[k]), rtol=1e-5, atol=1e-6, err_msg=k)


# ---- Polyak and the optimizer ----------------------------------------------------------
def test_critic_step_polyak_target_and_step_count():
  rng = np.random.default_rng(4)
  p, tp = toy_critic_params(5), toy_critic_params(6)
  batch = critic_batch(rng, VALID8)
  tx = make_optimizer(1e-2)
  state = TrainState.create(p, tx)
  new, target, _ = run_critic_step(state, tp, batch, tx, tau=0.25)
  expect = jax.tree.map(
    lambda t, o: 0.75 * np.asarray(t, np.float64) + 0.25 * np.asarray(o, np.float64), tp, new.params
  )
  assert_trees_close(target, expect, rtol=1e-6, atol=1e-7, what="polyak")
  assert int(new.step) == 1
  # tau = 1 copies the online critic; tau = 0 keeps the target; dtypes are kept
  assert_trees_close(steps.polyak(tp, new.params, 1.0), new.params, rtol=0, atol=0)
  assert_trees_close(steps.polyak(tp, new.params, 0.0), tp, rtol=0, atol=0)
  half = steps.polyak({"x": jnp.ones(3, jnp.bfloat16)}, {"x": jnp.zeros(3, jnp.float32)}, 0.5)
  assert half["x"].dtype == jnp.bfloat16 and float(half["x"][0]) == 0.5


def np_adam(grads_seq, lr, clip, b1=0.9, b2=0.999, eps=1e-8):
  """Parameter changes of clip-by-global-norm + Adam over a sequence of gradient trees."""
  m = v = None
  total = None
  for t, g in enumerate(grads_seq, 1):
    g = [np.asarray(x, np.float64) for x in jax.tree.leaves(g)]
    if clip:
      norm = np.sqrt(sum((x**2).sum() for x in g))
      g = [x * min(1.0, clip / norm) for x in g]
    m = (
      [(1 - b1) * x for x in g]
      if m is None
      else [b1 * a + (1 - b1) * x for a, x in zip(m, g, strict=True)]
    )
    v = (
      [(1 - b2) * x * x for x in g]
      if v is None
      else [b2 * a + (1 - b2) * x * x for a, x in zip(v, g, strict=True)]
    )
    upd = [
      -lr * (a / (1 - b1**t)) / (np.sqrt(c / (1 - b2**t)) + eps) for a, c in zip(m, v, strict=True)
    ]
    total = upd if total is None else [a + u for a, u in zip(total, upd, strict=True)]
  return total


def test_make_optimizer_is_adam_after_global_norm_clipping():
  rng = np.random.default_rng(5)
  params = {"a": jnp.zeros((3, 4)), "b": {"c": jnp.zeros((5,))}}
  grads_seq = []
  for norm in (5.0, 0.5, 3.0):  # clipped, not clipped, clipped
    g = jax.tree.map(lambda x: jnp.asarray(rng.normal(size=x.shape), jnp.float32), params)
    scale = norm / float(optax.global_norm(g))  # (used at once by the lambda below)
    grads_seq.append(jax.tree.map(lambda x: x * scale, g))  # noqa: B023
  lr = 1e-2
  tx = make_optimizer(lr, grad_clip=1.0)
  state = TrainState.create(params, tx)
  for g in grads_seq:
    state = state.apply_gradients(g, tx)
  got = [np.asarray(x) for x in jax.tree.leaves(state.params)]
  for a, b in zip(got, np_adam(grads_seq, lr, clip=1.0), strict=True):
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-8)
  # the check is sensitive to clipping: unclipped Adam ends elsewhere
  assert not all(
    np.allclose(a, b, rtol=1e-3, atol=1e-7)
    for a, b in zip(got, np_adam(grads_seq, lr, clip=0.0), strict=True)
  )
  # grad_clip=0 disables clipping
  tx0 = make_optimizer(lr, grad_clip=0.0)
  s0 = TrainState.create(params, tx0)
  for g in grads_seq:
    s0 = s0.apply_gradients(g, tx0)
  for a, b in zip(jax.tree.leaves(s0.params), np_adam(grads_seq, lr, clip=0.0), strict=True):
    np.testing.assert_allclose(np.asarray(a), b, rtol=1e-5, atol=1e-8)


def test_trainable_mask_freezes_and_clips_over_trainable_leaves_only():
  params = {"lm": jnp.zeros((4,)), "lora": jnp.zeros((3,))}
  tx = make_optimizer(1e-2, grad_clip=1.0, trainable=lambda p: {"lm": False, "lora": True})
  state = TrainState.create(params, tx)
  seq = [
    {"lm": jnp.full((4,), 100.0), "lora": jnp.array([3.0, -4.0, 0.0])},
    {"lm": jnp.full((4,), -50.0), "lora": jnp.array([0.1, 0.2, -0.2])},
  ]
  for g in seq:
    state = state.apply_gradients(g, tx)
  np.testing.assert_array_equal(np.asarray(state.params["lm"]), 0.0)
  # the clip norm is the LoRA gradients' own (5, then 0.3), not inflated by the frozen ones
  (expect,) = np_adam([{"x": g["lora"]} for g in seq], 1e-2, clip=1.0)
  np.testing.assert_allclose(np.asarray(state.params["lora"]), expect, rtol=1e-5, atol=1e-8)


def test_critic_step_clips_the_critic_gradient_then_adam():
  rng = np.random.default_rng(6)
  p, tp = toy_critic_params(7), toy_critic_params(8)
  batch = critic_batch(rng, VALID8)
  batch["reward"] = batch["reward"] * 50.0  # a gradient norm far above 1
  lr = 1e-2
  tx = make_optimizer(lr, grad_clip=1.0)
  new, _, metrics = run_critic_step(TrainState.create(p, tx), tp, batch, tx, num_micro=2)
  num_rows = float(np.sum(VALID8))
  g = jax.grad(
    lambda q: losses.critic_loss(
      q, tp, batch, embed=toy_embed, heads=toy_heads, gamma=0.9, num_rows=num_rows
    )[0]
  )(p)
  norm = float(optax.global_norm(g))
  assert norm > 10.0
  np.testing.assert_allclose(float(metrics["critic_grad_norm"]), norm, rtol=1e-5)
  for got, p0, d in zip(
    jax.tree.leaves(new.params), jax.tree.leaves(p), np_adam([g], lr, 1.0), strict=True
  ):
    np.testing.assert_allclose(np.asarray(got) - np.asarray(p0), d, rtol=1e-4, atol=1e-7)


# ---- advantages ------------------------------------------------------------------------
def test_normalize_advantage_over_valid_rows():
  rng = np.random.default_rng(7)
  p = toy_policy_params(2)
  batch = actor_batch(rng, 16)
  valid = np.asarray(VALID8, bool)
  a = batch["advantage"].astype(np.float64)
  assert np.abs(a[~valid]).min() > 1e3  # garbage advantages on the padding rows
  pre = dict(
    batch,
    advantage=np.where(valid, (a - a[valid].mean()) / (a[valid].std() + 1e-6), a).astype(
      np.float32
    ),
  )
  s_norm, m_norm = run_actor_step(
    toy_policy_apply,
    TrainState.create(p, SGD),
    batch,
    None,
    SGD,
    normalize_advantage=True,
    num_micro=2,
  )
  s_pre, m_pre = run_actor_step(toy_policy_apply, TrainState.create(p, SGD), pre, None, SGD)
  assert_trees_close(s_norm.params, s_pre.params, rtol=1e-5, atol=1e-6, what="params")
  np.testing.assert_allclose(float(m_norm["advantage_mean"]), 0.0, atol=1e-6)
  np.testing.assert_allclose(float(m_norm["actor_loss"]), float(m_pre["actor_loss"]), rtol=1e-5)
  # without normalisation the update differs
  s_raw, m_raw = run_actor_step(toy_policy_apply, TrainState.create(p, SGD), batch, None, SGD)
  np.testing.assert_allclose(float(m_raw["advantage_mean"]), a[valid].mean(), rtol=1e-5)
  assert not np.allclose(np.asarray(s_raw.params["out"]), np.asarray(s_pre.params["out"]))


def test_advantages_and_q_values_match_numpy():
  rng = np.random.default_rng(8)
  p = toy_critic_params(9)
  b = critic_batch(rng, VALID8)
  adv = steps.advantages(
    p, b["obs"], b["obs_mask"], b["act"], b["act_mask"], embed=toy_embed, heads=toy_heads
  )
  q = steps.q_values(
    p, b["obs"], b["obs_mask"], b["act"], b["act_mask"], embed=toy_embed, heads=toy_heads
  )
  pn = np_tree(p)
  h = np_heads(pn, np_embed(pn, b["obs"], b["obs_mask"]), np_embed(pn, b["act"], b["act_mask"]))
  np.testing.assert_allclose(
    np.asarray(adv),
    np.minimum(h["q1"], h["q2"]) - np.minimum(h["v1"], h["v2"]),
    rtol=1e-5,
    atol=1e-6,
  )
  np.testing.assert_allclose(np.asarray(q), np.minimum(h["q1"], h["q2"]), rtol=1e-5, atol=1e-6)


# ---- sanity ----------------------------------------------------------------------------
def tiny_bert() -> ModelConfig:
  """A 1-layer BERT over a 32-token vocabulary, mean pooled: the critic tests' encoder."""
  return ModelConfig(
    family="bert",
    vocab_size=32,
    hidden_size=16,
    num_layers=1,
    num_heads=2,
    intermediate_size=32,
    max_position_embeddings=32,
    activation="gelu",
    pooling="mean",
  )


def test_critic_steps_lower_the_critic_loss():
  """A tiny BERT DoubleCritic fits a fixed batch: the Bellman loss (against the moving
  Polyak target) drops well below its start within a few dozen steps."""
  cfg = tiny_bert()
  net = DoubleCritic(cfg)
  rng = np.random.default_rng(9)
  batch = critic_batch(rng, [1] * 8, lo=8, la=4, vocab=32)
  batch["reward"] = -np.ones(8, np.float32)
  params = nn.meta.unbox(
    fast_jit(net.init)(
      jax.random.PRNGKey(0), batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
    )["params"]
  )
  embed = lambda p, t, m: net.apply({"params": p}, t, m, method=DoubleCritic.embed)
  heads = lambda p, es, ea=None: net.apply({"params": p}, es, ea, method=DoubleCritic.heads)
  tx = make_optimizer(1e-2)
  step = fast_jit(
    lambda s, t, b: steps.critic_step(s, t, b, tx=tx, embed=embed, heads=heads, gamma=0.9, tau=0.1)
  )
  state, target = TrainState.create(params, tx), params
  first = None
  for _ in range(30):
    state, target, m = step(state, target, batch)
    first = float(m["critic_loss"]) if first is None else first
  last = float(m["critic_loss"])
  assert np.isfinite(last) and last < 0.25 * first, (first, last)


def test_joint_critic_encodes_the_action_in_context():
  """DoubleCritic(joint=True): the Q heads' action embedding is the mean of the encoder's
  hidden states at the action tokens of concat(s, a) (left-padded s, right-padded a), so it
  depends on the history; the reference encoding (joint=False) embeds a alone. Both use the
  same parameters."""
  cfg = tiny_bert()
  rng = np.random.default_rng(10)
  b = critic_batch(rng, [1] * 4, lo=8, la=4, vocab=32)
  sep, joint = DoubleCritic(cfg), DoubleCritic(cfg, joint=True)
  args = (b["obs"], b["obs_mask"], b["act"], b["act_mask"])
  p = nn.meta.unbox(fast_jit(sep.init)(jax.random.PRNGKey(0), *args)["params"])
  pj = nn.meta.unbox(fast_jit(joint.init)(jax.random.PRNGKey(0), *args)["params"])
  assert jax.tree.structure(p) == jax.tree.structure(pj)
  ea = lambda net, o, om: net.apply(
    {"params": p}, o, om, b["act"], b["act_mask"], method=DoubleCritic.embed_action
  )
  from archer_jax.models import Encoder

  hid = np.asarray(
    Encoder(cfg).apply(
      {"params": p["encoder"]},
      np.concatenate([b["obs"], b["act"]], 1),
      np.concatenate([b["obs_mask"], b["act_mask"]], 1),
    )["hidden"]
  )
  w = b["act_mask"].astype(np.float64)[..., None]
  ref = (hid[:, b["obs"].shape[1] :] * w).sum(1) / w.sum(1)
  np.testing.assert_allclose(
    np.asarray(ea(joint, b["obs"], b["obs_mask"])), ref, rtol=1e-5, atol=1e-6
  )
  other = (b["obs"] + 1) % 32
  np.testing.assert_array_equal(
    np.asarray(ea(sep, b["obs"], b["obs_mask"])), np.asarray(ea(sep, other, b["obs_mask"]))
  )
  assert not np.allclose(
    np.asarray(ea(joint, b["obs"], b["obs_mask"])), np.asarray(ea(joint, other, b["obs_mask"]))
  )
  # advantages route the joint embedding through the same heads
  embed = lambda q, t, m: joint.apply({"params": q}, t, m, method=DoubleCritic.embed)
  heads = lambda q, es, e=None: joint.apply({"params": q}, es, e, method=DoubleCritic.heads)
  embed_act = lambda q, o, om, t, m: joint.apply(
    {"params": q}, o, om, t, m, method=DoubleCritic.embed_action
  )
  adv = steps.advantages(p, *args, embed=embed, heads=heads, embed_act=embed_act)
  h = joint.apply({"params": p}, *args)
  np.testing.assert_allclose(
    np.asarray(adv),
    np.minimum(h["q1"], h["q2"]) - np.minimum(h["v1"], h["v2"]),
    rtol=1e-5,
    atol=1e-6,
  )


def test_seen_critic_flags_action_tokens_the_state_holds():
  """seen_tokens matches a numpy loop over real tokens only; DoubleCritic(seen=True) feeds the
  flags as the action's type ids (joint: the state's type ids stay 0), with the parameters of
  the plain critic, so the action embedding changes exactly when a flag does."""
  from archer_jax.algorithms.networks import seen_tokens
  from archer_jax.models import Encoder

  cfg = tiny_bert()
  rng = np.random.default_rng(11)
  b = critic_batch(rng, [1] * 6, lo=8, la=4, vocab=32)
  obs, om, act, am = b["obs"], b["obs_mask"], b["act"], b["act_mask"]
  act = act.copy()
  act[0, 0] = obs[0][om[0].astype(bool)][0]  # at least one hit on a real token
  ref = np.zeros(act.shape, np.int32)
  for i in range(act.shape[0]):
    real = {int(t) for t, m in zip(obs[i], om[i], strict=True) if m}
    for j in range(act.shape[1]):
      ref[i, j] = int(bool(am[i, j]) and int(act[i, j]) in real)
  got = np.asarray(seen_tokens(obs, om, act, am))
  np.testing.assert_array_equal(got, ref)
  assert 0 < ref.sum() < am.sum()
  args = (obs, om, act, am)
  plain = DoubleCritic(cfg)
  p = nn.meta.unbox(fast_jit(plain.init)(jax.random.PRNGKey(0), *args)["params"])
  for joint in (False, True):
    net = DoubleCritic(cfg, joint=joint, seen=True)
    ea = np.asarray(net.apply({"params": p}, *args, method=DoubleCritic.embed_action))
    enc = lambda t, m, ty: np.asarray(
      Encoder(cfg).apply({"params": p["encoder"]}, t, m, ty)["hidden"]
    )
    if joint:
      hid = enc(
        np.concatenate([obs, act], 1),
        np.concatenate([om, am], 1),
        np.concatenate([np.zeros_like(obs), ref], 1),
      )[:, obs.shape[1] :]
    else:
      hid = enc(act, am, ref)
    w = am.astype(np.float64)[..., None]
    np.testing.assert_allclose(ea, (hid * w).sum(1) / w.sum(1), rtol=1e-5, atol=1e-6)
    base = np.asarray(
      DoubleCritic(cfg, joint=joint).apply({"params": p}, *args, method=DoubleCritic.embed_action)
    )
    flagged = ref.any(1)
    assert not np.allclose(ea[flagged], base[flagged])
    np.testing.assert_allclose(ea[~flagged], base[~flagged], rtol=1e-6, atol=1e-7)

"""The ArCHer losses against float64 numpy references written from the spec (§2-3).

Critic: a linear stand-in encoder / heads whose Q and V targets numpy computes exactly.
Actor: tiny random llama / gpt2 policies; the reference logits come from a separate forward
pass over each row alone (unpadded, default positions), and everything after the logits
(log-softmax, gather, REINFORCE sum, baseline, entropy, KL, clipping) is done in numpy.
"""

from __future__ import annotations

import types

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from _helpers import (
  assert_trees_close,
  critic_batch,
  fast_jit,
  log_softmax64,
  np_embed,
  np_heads,
  np_tree,
  packed,
  policy_batch,
  row_forward,
  tiny_policy,
  toy_critic_params,
  toy_embed,
  toy_heads,
)

from archer_jax.algorithms import losses

GAMMA = 0.9
VALID = [1, 1, 0, 1, 1, 0, 1]


# ---- critic ----------------------------------------------------------------------------
def np_critic_loss(p, tp, batch, gamma, v_loss="mse", expectile=0.9, joint=False):
  """Spec §2 in float64: sum_i mean_valid[(Q_i - y_Qi)^2 + l(V_i - y_Vi)]; joint: Q's action
  embedding is taken over concat(s, a)."""
  p, tp = np_tree(p), np_tree(tp)
  if joint:
    np_act = lambda q, a, am: np_embed(
      q, np.concatenate([batch["obs"], a], 1), np.concatenate([batch["obs_mask"], am], 1)
    )
  else:
    np_act = np_embed
  valid = batch["valid"].astype(np.float64)
  n = valid.sum()
  r, d = batch["reward"].astype(np.float64), batch["done"].astype(np.float64)
  t_next = np_heads(tp, np_embed(tp, batch["next_obs"], batch["next_obs_mask"]))
  t_cur = np_heads(
    tp,
    np_embed(tp, batch["obs"], batch["obs_mask"]),
    np_act(tp, batch["pi_act"], batch["pi_act_mask"]),
  )
  on = np_heads(
    p, np_embed(p, batch["obs"], batch["obs_mask"]), np_act(p, batch["act"], batch["act_mask"])
  )
  out, total = {}, 0.0
  for i in ("1", "2"):
    y_q = r + gamma * (1.0 - d) * t_next["v" + i]
    y_v = t_cur["q" + i]
    qe, ve = on["q" + i] - y_q, on["v" + i] - y_v
    if v_loss == "mse":
      vt = ve**2
    else:
      u = y_v - on["v" + i]  # IQL: u = target - V, undershoots weighted by tau
      vt = np.where(u < 0, 1.0 - expectile, expectile) * u**2
    out["q" + i + "_loss"] = (valid * qe**2)[valid > 0].sum() / n
    out["v" + i + "_loss"] = (valid * vt)[valid > 0].sum() / n
    total += out["q" + i + "_loss"] + out["v" + i + "_loss"]
  out["critic_loss"] = total
  return out, on, t_next, t_cur


def _critic(p, tp, batch, **kw):
  num_rows = jnp.maximum(jnp.sum(batch["valid"]), 1.0)
  return losses.critic_loss(
    p, tp, batch, embed=toy_embed, heads=toy_heads, gamma=GAMMA, num_rows=num_rows, **kw
  )


def toy_joint_embed_act(p, obs, obs_mask, act, act_mask):
  return toy_embed(p, jnp.concatenate([obs, act], 1), jnp.concatenate([obs_mask, act_mask], 1))


@pytest.mark.parametrize("v_loss,joint", [("mse", False), ("expectile", False), ("mse", True)])
def test_critic_loss_matches_numpy(v_loss, joint):
  rng = np.random.default_rng(2)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  batch = critic_batch(rng, VALID)
  kw = dict(v_loss=v_loss, expectile=0.8)
  if joint:
    kw["embed_act"] = toy_joint_embed_act
  loss, metrics = _critic(p, tp, batch, **kw)
  ref, on, _, t_cur = np_critic_loss(p, tp, batch, GAMMA, v_loss, 0.8, joint=joint)
  if joint:  # a real difference from the separate encoding, not a no-op
    sep, _, _, _ = np_critic_loss(p, tp, batch, GAMMA, v_loss, 0.8)
    assert abs(sep["critic_loss"] - ref["critic_loss"]) > 1e-3
  np.testing.assert_allclose(float(loss), ref["critic_loss"], rtol=1e-5)
  for k, v in ref.items():
    np.testing.assert_allclose(float(metrics[k]), v, rtol=1e-5, err_msg=k)
  m = batch["valid"] > 0
  for h in ("q1", "v2"):
    np.testing.assert_allclose(float(metrics[h + "_mean"]), on[h][m].mean(), rtol=1e-5)
  # the batch exercises both branches that matter: terminal and non-terminal rows, and V
  # errors of both signs (the two sides of the expectile)
  assert batch["done"][m].any() and (~batch["done"][m]).any()
  for i in ("1", "2"):
    v_err = (on["v" + i] - t_cur["q" + i])[m]
    assert (v_err > 0).any() and (v_err < 0).any()


def test_expectile_half_is_half_mse_and_asymmetric():
  d = jnp.array([-2.0, -0.5, 0.0, 0.5, 2.0])
  np.testing.assert_allclose(losses.expectile_loss(d, 0.5), 0.5 * np.asarray(d) ** 2)
  e = np.asarray(losses.expectile_loss(d, 0.9))
  np.testing.assert_allclose(e, [0.1 * 4, 0.1 * 0.25, 0.0, 0.9 * 0.25, 0.9 * 4], rtol=1e-6)


def test_critic_loss_ignores_invalid_rows():
  rng = np.random.default_rng(3)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  batch = critic_batch(rng, VALID)
  other = dict(batch)
  bad = np.asarray(VALID) == 0
  other["reward"] = np.where(bad, -7e5, batch["reward"]).astype(np.float32)
  other["obs"] = np.where(bad[:, None], 3, batch["obs"]).astype(np.int32)
  other["done"] = np.where(bad, ~batch["done"], batch["done"])
  g = jax.grad(lambda q, b: _critic(q, tp, b)[0])
  np.testing.assert_allclose(
    float(_critic(p, tp, batch)[0]), float(_critic(p, tp, other)[0]), rtol=1e-6
  )
  assert_trees_close(g(p, batch), g(p, other), what="grads")
  # dropping the invalid rows altogether gives the same loss
  keep = {k: v[~bad] for k, v in batch.items()}
  np.testing.assert_allclose(
    float(_critic(p, tp, batch)[0]), float(_critic(p, tp, keep)[0]), rtol=1e-6
  )


def test_critic_head_gradients_match_numpy_and_targets_get_none():
  """dL/dw for the online heads in closed form; passing the online params as the target
  too must not change the gradient (targets carry no gradient)."""
  rng = np.random.default_rng(4)
  p, tp = toy_critic_params(5), toy_critic_params(6)
  batch = critic_batch(rng, VALID)
  grads = jax.grad(lambda q: _critic(q, tp, batch)[0])(p)
  _, on, t_next, t_cur = np_critic_loss(p, tp, batch, GAMMA)
  pn = np_tree(p)
  es = np_embed(pn, batch["obs"], batch["obs_mask"])
  sa = np.concatenate([es, np_embed(pn, batch["act"], batch["act_mask"])], -1)
  valid = batch["valid"].astype(np.float64)
  n = valid.sum()
  r, d = batch["reward"].astype(np.float64), batch["done"].astype(np.float64)
  for i in ("1", "2"):
    qe = on["q" + i] - (r + GAMMA * (1 - d) * t_next["v" + i])
    ve = on["v" + i] - t_cur["q" + i]
    qe, ve = qe * valid, ve * valid
    np.testing.assert_allclose(grads["q" + i]["w"], 2 / n * qe @ sa, rtol=2e-5, atol=1e-6)
    np.testing.assert_allclose(grads["q" + i]["b"], 2 / n * qe.sum(), rtol=2e-5, atol=1e-6)
    np.testing.assert_allclose(grads["v" + i]["w"], 2 / n * ve @ es, rtol=2e-5, atol=1e-6)
    np.testing.assert_allclose(grads["v" + i]["b"], 2 / n * ve.sum(), rtol=2e-5, atol=1e-6)
  # target == online (same tracer): identical gradient iff the targets are stop-gradient'ed
  same = jax.grad(lambda q: _critic(q, q, batch)[0])(p)
  fixed = jax.grad(lambda q: _critic(q, p, batch)[0])(p)
  assert_trees_close(same, fixed, rtol=1e-6, atol=1e-7, what="stop-gradient on targets")


# ---- actor -----------------------------------------------------------------------------
LO, LA = 8, 6
OBS_LENS = [3, 8, 5, 1, 6, 4]
ACT_LENS = [6, 2, 4, 1, 3, 5]
P_VALID = [1, 1, 1, 1, 1, 0]
# the options after the logits are model-agnostic: checked on llama, while both families
# cover positions and padding
LLAMA_ONLY = pytest.mark.parametrize("lm", ["llama"], indirect=True)
FLAGS = (
  "apply",
  "baseline",
  "value_coef",
  "entropy_coef",
  "kl_coef",
  "clip_eps",
  "unlikelihood_coef",
)


def _policy_loss(
  params,
  ref_params,
  batch,
  *,
  apply,
  baseline=False,
  value_coef=1.0,
  entropy_coef=0.0,
  kl_coef=0.0,
  clip_eps=0.0,
  unlikelihood_coef=0.0,
):
  valid = batch["valid"]
  return losses.policy_loss(
    params,
    batch,
    apply=apply,
    num_rows=jnp.maximum(valid.sum(), 1.0),
    num_tokens=jnp.maximum((batch["act_mask"] * valid[:, None]).sum(), 1.0),
    ref_params=ref_params,
    baseline=baseline,
    value_coef=value_coef,
    entropy_coef=entropy_coef,
    kl_coef=kl_coef,
    clip_eps=clip_eps,
    unlikelihood_coef=unlikelihood_coef,
  )


jit_policy_loss = fast_jit(_policy_loss, static_argnames=FLAGS)
jit_policy_grad = fast_jit(
  jax.grad(lambda *a, **k: _policy_loss(*a, **k)[0]), static_argnames=FLAGS
)


def old_logp_for(rows, batch, rng, noise):
  """The sampler's log-probs: the exact ones plus `noise`; garbage under the mask."""
  old = (rng.normal(size=batch["act"].shape) * 50).astype(np.float32)
  for b, (lg, _) in enumerate(rows):
    la = len(lg)
    old[b, :la] = log_softmax64(lg)[np.arange(la), batch["act"][b, :la]]
    old[b, :la] += rng.normal(size=la) * noise
  return old


@pytest.fixture(scope="module", params=["llama", "gpt2"])
def lm(request):
  net, params, apply = tiny_policy(request.param, value_head=True)
  rng = np.random.default_rng(7)
  batch = policy_batch(rng, OBS_LENS, ACT_LENS, P_VALID, LO, LA, net.cfg.vocab_size)
  ref_params = jax.tree.map(
    lambda x: x + 0.3 * jnp.asarray(rng.normal(size=x.shape), x.dtype) * jnp.std(x), params
  )
  rows = row_forward(net, params, batch)
  ref_rows = row_forward(net, ref_params, batch)
  batch["old_logp"] = old_logp_for(rows, batch, rng, 0.4)
  ns = types.SimpleNamespace(
    family=request.param,
    net=net,
    params=params,
    apply=apply,
    batch=batch,
    rows=rows,
    ref_params=ref_params,
    ref_rows=ref_rows,
  )
  ns.loss = lambda batch=batch, **kw: jit_policy_loss(params, ref_params, batch, apply=apply, **kw)
  ns.grad = lambda batch=batch, **kw: jit_policy_grad(params, ref_params, batch, apply=apply, **kw)
  return ns


def counts(batch):
  valid = batch["valid"]
  return (float(max(valid.sum(), 1.0)), float(max((batch["act_mask"] * valid[:, None]).sum(), 1.0)))


def np_policy_loss(
  lm, batch, *, baseline=False, value_coef=1.0, entropy_coef=0.0, kl_coef=0.0, clip_eps=0.0
):
  """Spec §3 in float64 from the per-row logits / values."""
  n_rows, n_tok = counts(batch)
  pg = vl = ent = kl = 0.0
  for b, (logits, values) in enumerate(lm.rows):
    if batch["valid"][b] == 0:
      continue
    la = len(logits)
    act = batch["act"][b, :la]
    lp_all = log_softmax64(logits)
    lp = lp_all[np.arange(la), act]
    a = float(batch["advantage"][b])
    w = np.full(la, a)
    if baseline:
      vl += ((values - a) ** 2).sum()
      w = a - values
    if clip_eps:
      ratio = np.exp(lp - batch["old_logp"][b, :la].astype(np.float64))
      pg -= np.minimum(ratio * w, np.clip(ratio, 1 - clip_eps, 1 + clip_eps) * w).sum()
    else:
      pg -= (w * lp).sum()
    prob = np.exp(lp_all)
    ent -= (prob * lp_all).sum()
    kl += (prob * (lp_all - log_softmax64(lm.ref_rows[b][0]))).sum()
  pg, vl, ent, kl = pg / n_rows, vl / n_tok, ent / n_tok, kl / n_tok
  total = pg + (value_coef * vl if baseline else 0.0) - entropy_coef * ent + kl_coef * kl
  return dict(actor_loss=total, pg_loss=pg, value_loss=vl, entropy=ent, kl=kl)


def check(metrics, ref, keys):
  for k in keys:
    np.testing.assert_allclose(float(metrics[k]), ref[k], rtol=3e-5, atol=3e-6, err_msg=k)


def test_policy_loss_plain_reinforce(lm):
  loss, m = lm.loss()
  ref = np_policy_loss(lm, lm.batch)
  check(m, ref, ["actor_loss", "pg_loss"])
  np.testing.assert_allclose(float(loss), ref["actor_loss"], rtol=3e-5, atol=3e-6)
  assert "value_loss" not in m and "entropy" not in m and "kl" not in m
  # logp_sum = mean over valid rows of sum_t log pi
  lps = [
    log_softmax64(lg)[np.arange(len(lg)), lm.batch["act"][b, : len(lg)]].sum()
    for b, (lg, _) in enumerate(lm.rows)
    if lm.batch["valid"][b]
  ]
  np.testing.assert_allclose(float(m["logp_sum"]), np.mean(lps), rtol=3e-5)


def test_policy_loss_baseline(lm):
  _, m = lm.loss(baseline=True, value_coef=0.7)
  ref = np_policy_loss(lm, lm.batch, baseline=True, value_coef=0.7)
  check(m, ref, ["actor_loss", "pg_loss", "value_loss"])


@LLAMA_ONLY
def test_policy_loss_entropy_kl_and_clip(lm):
  """Entropy bonus, KL to a reference policy, PPO-style clipping."""
  _, m = lm.loss(entropy_coef=0.05, kl_coef=0.2)
  ref = np_policy_loss(lm, lm.batch, entropy_coef=0.05, kl_coef=0.2)
  check(m, ref, ["actor_loss", "pg_loss", "entropy", "kl"])
  assert ref["kl"] > 1e-3  # the perturbed reference really differs
  # KL to itself is zero
  _, m0 = jit_policy_loss(
    lm.params, lm.params, lm.batch, apply=lm.apply, entropy_coef=0.05, kl_coef=0.2
  )
  assert abs(float(m0["kl"])) < 1e-6
  # PPO-style clipped ratio against old_logp (with and without the token baseline)
  for baseline in (False, True):
    _, m = lm.loss(clip_eps=0.2, baseline=baseline)
    ref = np_policy_loss(lm, lm.batch, clip_eps=0.2, baseline=baseline)
    check(m, ref, ["actor_loss", "pg_loss"])
  # ... on a batch with tokens clipped on both sides of the trust region
  ratios = np.concatenate(
    [
      np.exp(
        log_softmax64(lg)[np.arange(len(lg)), lm.batch["act"][b, : len(lg)]]
        - lm.batch["old_logp"][b, : len(lg)]
      )
      for b, (lg, _) in enumerate(lm.rows)
      if lm.batch["valid"][b]
    ]
  )
  assert (ratios > 1.2).any() and (ratios < 0.8).any()


@LLAMA_ONLY
def test_policy_loss_unlikelihood_of_the_seen_ids(lm):
  """L_ul = (1/N) sum_bt m_bt sum_{v in obs_b, v != a_bt} -log(1 - pi_bt(v)), in float64
  from the per-row logits, added to the policy gradient term; its gradient lowers the
  probability the policy puts on the observation's ids."""
  b = {k: np.array(v) for k, v in lm.batch.items()}
  for i in range(len(b["act"])):  # each row's first action token: an id its state holds
    b["act"][i, 0] = b["obs"][i][b["obs_mask"][i] > 0][-1]
  rows = row_forward(lm.net, lm.params, b)
  n_rows, n_tok = counts(b)
  ul, hits = 0.0, 0
  for i, (lg, _) in enumerate(rows):
    if b["valid"][i] == 0:
      continue
    seen = set(b["obs"][i][b["obs_mask"][i] > 0].tolist())
    p = np.exp(log_softmax64(lg))
    for t in range(len(lg)):
      a = int(b["act"][i, t])
      hits += a in seen
      ul -= sum(np.log1p(-p[t, v]) for v in seen if v != a)
  assert hits > 0  # some action tokens are seen ids: the exclusion is exercised
  ul /= n_tok
  _, m = lm.loss(b, unlikelihood_coef=0.5)
  ref = np_policy_loss(types.SimpleNamespace(rows=rows, ref_rows=lm.ref_rows), b)
  np.testing.assert_allclose(float(m["unlikelihood"]), ul, rtol=3e-5)
  np.testing.assert_allclose(float(m["actor_loss"]), ref["pg_loss"] + 0.5 * ul, rtol=3e-5)
  _, m0 = lm.loss()
  assert "unlikelihood" not in m0
  # one gradient step on the unlikelihood alone (no advantage) lowers the seen ids' mass
  flat = dict(b, advantage=np.zeros_like(b["advantage"]))
  g = lm.grad(flat, unlikelihood_coef=1.0)
  stepped = jax.tree.map(lambda p, d: p - 0.5 * d, lm.params, g)
  after = jit_policy_loss(stepped, lm.ref_params, flat, apply=lm.apply, unlikelihood_coef=1.0)
  assert float(after[1]["unlikelihood"]) < float(m["unlikelihood"])


def _row_loss_jax(lm, params, batch, baseline):
  """An independent JAX formulation on the packed (row-alone) layout, for gradients:
  -(1/B) sum_b sum_t (A_b [- sg V_bt]) log pi_bt  [+ (1/N) sum_bt (V_bt - A_b)^2]."""
  n_rows, n_tok = counts(batch)
  tokens, index = packed(batch)
  out = lm.net.apply({"params": params}, jnp.asarray(tokens))
  rows = jnp.arange(len(tokens))[:, None]
  lp = jax.nn.log_softmax(out["logits"])[rows, index, batch["act"]]
  m = jnp.asarray(batch["act_mask"] * batch["valid"][:, None], jnp.float32)
  a = jnp.asarray(np.where(batch["valid"] > 0, batch["advantage"], 0.0))[:, None]
  if not baseline:
    return -jnp.sum(m * a * lp) / n_rows
  v = out["values"][rows, index]
  return (
    -jnp.sum(m * (a - jax.lax.stop_gradient(v)) * lp) / n_rows + jnp.sum(m * (v - a) ** 2) / n_tok
  )


def max_abs(tree):
  return max(float(jnp.max(jnp.abs(x))) for x in jax.tree.leaves(tree))


@LLAMA_ONLY
def test_policy_gradient_matches_per_row_formulation(lm):
  """Forward values equal on every input imply equal gradients, so what is left to check
  is where the gradient is stopped: with the token baseline, sg(V) in the policy term and
  the value regression training the value head."""
  g = lm.grad(baseline=True)
  g_ref = fast_jit(jax.grad(lambda p: _row_loss_jax(lm, p, lm.batch, True)))(lm.params)
  assert_trees_close(g, g_ref, rtol=1e-4, atol=1e-5 * max_abs(g_ref), what="policy grads")
  assert max_abs(g["value"]) > 0.0


@LLAMA_ONLY
def test_clip_at_ratio_one_has_the_reinforce_gradient(lm):
  batch = dict(lm.batch, old_logp=old_logp_for(lm.rows, lm.batch, np.random.default_rng(0), 0.0))
  g_clip = lm.grad(batch, clip_eps=0.2)
  g_plain = lm.grad(batch)
  assert_trees_close(g_clip, g_plain, rtol=1e-3, atol=1e-4 * max_abs(g_plain), what="clip grads")
  assert max_abs(g_plain["value"]) == 0.0  # no value head gradient without the baseline
  # with the token baseline too: sg(V) inside the clipped objective
  g_clip_b, g_b = lm.grad(batch, clip_eps=0.2, baseline=True), lm.grad(batch, baseline=True)
  assert_trees_close(g_clip_b, g_b, rtol=1e-3, atol=1e-4 * max_abs(g_b), what="clip+baseline")
  # and the plain gradient is the per-row REINFORCE gradient
  g_ref = fast_jit(jax.grad(lambda p: _row_loss_jax(lm, p, batch, False)))(lm.params)
  assert_trees_close(g_plain, g_ref, rtol=1e-4, atol=1e-5 * max_abs(g_ref), what="pg grads")


def test_bc_loss(lm):
  _, n_tok = counts(lm.batch)
  loss, m = fast_jit(lambda p, b: losses.bc_loss(p, b, apply=lm.apply, num_tokens=n_tok))(
    lm.params, lm.batch
  )
  tot = 0.0
  for b, (lg, _) in enumerate(lm.rows):
    if lm.batch["valid"][b]:
      tot -= log_softmax64(lg)[np.arange(len(lg)), lm.batch["act"][b, : len(lg)]].sum()
  np.testing.assert_allclose(float(loss), tot / n_tok, rtol=3e-5)
  np.testing.assert_allclose(float(m["bc_loss"]), tot / n_tok, rtol=3e-5)


def test_action_logits_positions_under_padding(lm):
  """Every row's logits / values equal its row-alone forward (left obs, right act pad)."""
  b = lm.batch
  out = fast_jit(
    lambda p, b: losses.action_logits(lm.apply, p, b["obs"], b["obs_mask"], b["act"], b["act_mask"])
  )(lm.params, b)
  for i, (lg, v) in enumerate(lm.rows):
    np.testing.assert_allclose(np.asarray(out["logits"][i, : len(lg)]), lg, rtol=1e-4, atol=2e-5)
    np.testing.assert_allclose(np.asarray(out["values"][i, : len(v)]), v, rtol=1e-4, atol=2e-5)

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

from _helpers import (HEADS, critic_batch, log_softmax64, np_embed, np_heads, np_tree,
                      policy_batch, row_forward, tiny_policy, toy_critic_params, toy_embed,
                      toy_heads, assert_trees_close)
from archer_jax.algorithms import losses

GAMMA = 0.9
VALID = [1, 1, 0, 1, 1, 0, 1]


# ---- critic ----------------------------------------------------------------------------
def np_critic_loss(p, tp, batch, gamma, v_loss="mse", expectile=0.9):
  """Spec §2 in float64: sum_i mean_valid[(Q_i - y_Qi)^2 + l(V_i - y_Vi)]."""
  p, tp = np_tree(p), np_tree(tp)
  valid = batch["valid"].astype(np.float64)
  n = valid.sum()
  r, d = batch["reward"].astype(np.float64), batch["done"].astype(np.float64)
  t_next = np_heads(tp, np_embed(tp, batch["next_obs"], batch["next_obs_mask"]))
  t_cur = np_heads(tp, np_embed(tp, batch["obs"], batch["obs_mask"]),
                   np_embed(tp, batch["pi_act"], batch["pi_act_mask"]))
  on = np_heads(p, np_embed(p, batch["obs"], batch["obs_mask"]),
                np_embed(p, batch["act"], batch["act_mask"]))
  out, total = {}, 0.0
  for i in ("1", "2"):
    y_q = r + gamma * (1.0 - d) * t_next["v" + i]
    y_v = t_cur["q" + i]
    qe, ve = on["q" + i] - y_q, on["v" + i] - y_v
    if v_loss == "mse":
      vt = ve ** 2
    else:
      vt = np.where(ve < 0, 1.0 - expectile, expectile) * ve ** 2
    out["q" + i + "_loss"] = (valid * qe ** 2)[valid > 0].sum() / n
    out["v" + i + "_loss"] = (valid * vt)[valid > 0].sum() / n
    total += out["q" + i + "_loss"] + out["v" + i + "_loss"]
  out["critic_loss"] = total
  return out, on, t_next, t_cur


def _critic(p, tp, batch, **kw):
  num_rows = jnp.maximum(jnp.sum(batch["valid"]), 1.0)
  return losses.critic_loss(p, tp, batch, embed=toy_embed, heads=toy_heads, gamma=GAMMA,
                            num_rows=num_rows, **kw)


@pytest.mark.parametrize("v_loss", ["mse", "expectile"])
def test_critic_loss_matches_numpy(v_loss):
  rng = np.random.default_rng(0)
  p, tp = toy_critic_params(1), toy_critic_params(2)
  batch = critic_batch(rng, VALID)
  kw = dict(v_loss=v_loss, expectile=0.8)
  loss, metrics = _critic(p, tp, batch, **kw)
  ref, on, _, _ = np_critic_loss(p, tp, batch, GAMMA, v_loss, 0.8)
  np.testing.assert_allclose(float(loss), ref["critic_loss"], rtol=1e-5)
  for k, v in ref.items():
    np.testing.assert_allclose(float(metrics[k]), v, rtol=1e-5, err_msg=k)
  m = batch["valid"] > 0
  for h in ("q1", "v2"):
    np.testing.assert_allclose(float(metrics[h + "_mean"]), on[h][m].mean(), rtol=1e-5)
  # the batch exercises both branches that matter: terminal rows and negative V errors
  assert batch["done"][m].any() and (~batch["done"][m]).any()


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
  np.testing.assert_allclose(float(_critic(p, tp, batch)[0]), float(_critic(p, tp, other)[0]),
                             rtol=1e-6)
  assert_trees_close(g(p, batch), g(p, other), what="grads")
  # dropping the invalid rows altogether gives the same loss
  keep = {k: v[~bad] for k, v in batch.items()}
  np.testing.assert_allclose(float(_critic(p, tp, batch)[0]), float(_critic(p, tp, keep)[0]),
                             rtol=1e-6)


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


@pytest.fixture(scope="module", params=["llama", "gpt2"])
def lm(request):
  net, params, apply = tiny_policy(request.param, value_head=True)
  rng = np.random.default_rng(7)
  batch = policy_batch(rng, OBS_LENS, ACT_LENS, P_VALID, LO, LA, net.cfg.vocab_size)
  rows = [row_forward(net, params, batch, b) for b in range(len(OBS_LENS))]
  ref_params = jax.tree.map(
      lambda x: x + 0.3 * jnp.asarray(rng.normal(size=x.shape), x.dtype) * jnp.std(x),
      params)
  ref_rows = [row_forward(net, ref_params, batch, b) for b in range(len(OBS_LENS))]
  return types.SimpleNamespace(net=net, params=params, apply=apply, batch=batch, rows=rows,
                               ref_params=ref_params, ref_rows=ref_rows)


def counts(batch):
  valid = batch["valid"]
  return (float(max(valid.sum(), 1.0)),
          float(max((batch["act_mask"] * valid[:, None]).sum(), 1.0)))


def np_policy_loss(lm, batch, *, baseline=False, value_coef=1.0, entropy_coef=0.0,
                   kl_coef=0.0, clip_eps=0.0):
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


def jax_policy_loss(lm, batch, **kw):
  n_rows, n_tok = counts(batch)
  return losses.policy_loss(lm.params, batch, apply=lm.apply, num_rows=n_rows,
                            num_tokens=n_tok, ref_params=lm.ref_params, **kw)


def check(metrics, ref, keys):
  for k in keys:
    np.testing.assert_allclose(float(metrics[k]), ref[k], rtol=3e-5, atol=3e-6, err_msg=k)


def test_policy_loss_plain_reinforce(lm):
  loss, m = jax_policy_loss(lm, lm.batch)
  ref = np_policy_loss(lm, lm.batch)
  check(m, ref, ["actor_loss", "pg_loss"])
  np.testing.assert_allclose(float(loss), ref["actor_loss"], rtol=3e-5, atol=3e-6)
  assert "value_loss" not in m and "entropy" not in m and "kl" not in m
  # logp_sum = mean over valid rows of sum_t log pi
  lps = [log_softmax64(lg)[np.arange(len(lg)), lm.batch["act"][b, :len(lg)]].sum()
         for b, (lg, _) in enumerate(lm.rows) if lm.batch["valid"][b]]
  np.testing.assert_allclose(float(m["logp_sum"]), np.mean(lps), rtol=3e-5)


def test_policy_loss_baseline(lm):
  _, m = jax_policy_loss(lm, lm.batch, baseline=True, value_coef=0.7)
  ref = np_policy_loss(lm, lm.batch, baseline=True, value_coef=0.7)
  check(m, ref, ["actor_loss", "pg_loss", "value_loss"])


def test_policy_loss_entropy_and_kl(lm):
  _, m = jax_policy_loss(lm, lm.batch, entropy_coef=0.05, kl_coef=0.2)
  ref = np_policy_loss(lm, lm.batch, entropy_coef=0.05, kl_coef=0.2)
  check(m, ref, ["actor_loss", "pg_loss", "entropy", "kl"])
  assert ref["kl"] > 1e-3   # the perturbed reference really differs
  # KL to itself is zero
  same = types.SimpleNamespace(**dict(vars(lm), ref_params=lm.params))
  _, m0 = jax_policy_loss(same, lm.batch, kl_coef=0.2)
  assert abs(float(m0["kl"])) < 1e-6


def test_policy_loss_clipped_ratio(lm):
  rng = np.random.default_rng(11)
  batch = dict(lm.batch)
  old = np.zeros((len(P_VALID), LA), np.float32)
  ratios = []
  for b, (lg, _) in enumerate(lm.rows):
    la = len(lg)
    lp = log_softmax64(lg)[np.arange(la), batch["act"][b, :la]]
    old[b, :la] = lp + rng.normal(size=la) * 0.4
    old[b, la:] = rng.normal(size=LA - la) * 50   # garbage under the mask
    ratios += list(np.exp(lp - old[b, :la]) * np.sign(batch["advantage"][b]))
  batch["old_logp"] = old
  for baseline in (False, True):
    _, m = jax_policy_loss(lm, batch, clip_eps=0.2, baseline=baseline)
    ref = np_policy_loss(lm, batch, clip_eps=0.2, baseline=baseline)
    check(m, ref, ["actor_loss", "pg_loss"])
  # the batch has tokens clipped on both sides of the trust region
  r = np.abs(ratios)
  assert (r > 1.2).any() and (r < 0.8).any()


def _row_loss_jax(lm, params, batch, baseline):
  """An independent JAX formulation over unpadded per-row forwards (for gradients)."""
  n_rows, n_tok = counts(batch)
  total = 0.0
  for b in range(len(P_VALID)):
    if batch["valid"][b] == 0:
      continue
    obs = batch["obs"][b][batch["obs_mask"][b]]
    act = batch["act"][b][batch["act_mask"][b]]
    out = lm.net.apply({"params": params}, jnp.asarray(np.concatenate([obs, act])[None]))
    sl = slice(len(obs) - 1, len(obs) + len(act) - 1)
    lp = jax.nn.log_softmax(out["logits"][0, sl])[jnp.arange(len(act)), act]
    a = float(batch["advantage"][b])
    if baseline:
      v = out["values"][0, sl]
      total += -jnp.sum((a - jax.lax.stop_gradient(v)) * lp) / n_rows
      total += jnp.sum((v - a) ** 2) / n_tok
    else:
      total += -a * jnp.sum(lp) / n_rows
  return total


@pytest.mark.parametrize("baseline", [False, True])
def test_policy_gradient_matches_per_row_formulation(lm, baseline):
  g = jax.grad(lambda p: jax_policy_loss(
      types.SimpleNamespace(**dict(vars(lm), params=p)), lm.batch, baseline=baseline)[0])(
          lm.params)
  g_ref = jax.grad(lambda p: _row_loss_jax(lm, p, lm.batch, baseline))(lm.params)
  scale = max(float(jnp.max(jnp.abs(x))) for x in jax.tree.leaves(g_ref))
  assert_trees_close(g, g_ref, rtol=1e-4, atol=1e-5 * scale, what="policy grads")
  if not baseline:   # the value head gets no gradient from the plain loss
    assert all(float(jnp.max(jnp.abs(x))) == 0.0 for x in jax.tree.leaves(g["value"]))


def test_clip_at_ratio_one_has_the_reinforce_gradient(lm):
  batch = dict(lm.batch)
  old = np.zeros((len(P_VALID), LA), np.float32)
  for b, (lg, _) in enumerate(lm.rows):
    la = len(lg)
    old[b, :la] = log_softmax64(lg)[np.arange(la), batch["act"][b, :la]]
  batch["old_logp"] = old
  loss = lambda p, **kw: jax_policy_loss(types.SimpleNamespace(**dict(vars(lm), params=p)),
                                         batch, **kw)[0]
  g_clip = jax.grad(lambda p: loss(p, clip_eps=0.2))(lm.params)
  g_plain = jax.grad(lambda p: loss(p))(lm.params)
  scale = max(float(jnp.max(jnp.abs(x))) for x in jax.tree.leaves(g_plain))
  assert_trees_close(g_clip, g_plain, rtol=1e-3, atol=1e-4 * scale, what="clip grads")


def test_bc_loss(lm):
  _, n_tok = counts(lm.batch)
  loss, m = losses.bc_loss(lm.params, lm.batch, apply=lm.apply, num_tokens=n_tok)
  tot = 0.0
  for b, (lg, _) in enumerate(lm.rows):
    if lm.batch["valid"][b]:
      tot -= log_softmax64(lg)[np.arange(len(lg)), lm.batch["act"][b, :len(lg)]].sum()
  np.testing.assert_allclose(float(loss), tot / n_tok, rtol=3e-5)
  np.testing.assert_allclose(float(m["bc_loss"]), tot / n_tok, rtol=3e-5)


def test_action_logits_positions_under_padding(lm):
  """Every row's logits / values equal its unpadded forward (left obs, right act pad)."""
  b = lm.batch
  out = losses.action_logits(lm.apply, lm.params, b["obs"], b["obs_mask"], b["act"],
                             b["act_mask"])
  for i, (lg, v) in enumerate(lm.rows):
    np.testing.assert_allclose(np.asarray(out["logits"][i, :len(lg)]), lg, rtol=1e-4,
                               atol=2e-5)
    np.testing.assert_allclose(np.asarray(out["values"][i, :len(v)]), v, rtol=1e-4, atol=2e-5)

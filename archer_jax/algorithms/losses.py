"""Pure ArCHer losses. Each returns a scalar already divided by a *global* count that the
caller computes from the whole batch's masks, so summing micro-batch gradients is exact.

Batch conventions (all fixed-shape, batch-major):
  obs [B, Lo] left-padded ids, obs_mask [B, Lo]; act [B, La] right-padded ids incl. the stop
  token, act_mask [B, La]; valid [B] (1 for real rows, 0 for batch padding).
"""

from __future__ import annotations

import functools
from typing import Callable

import jax
import jax.numpy as jnp

from archer_jax.models.decoder import seen_vocab
from archer_jax.models.layers import positions_from_mask


def expectile_loss(diff, tau: float):
  """|tau - 1[diff < 0]| * diff^2 (IQL); tau = 0.5 gives diff^2 / 2 up to scale."""
  w = jnp.where(diff < 0, 1.0 - tau, tau)
  return w * diff * diff


def value_regression(v, y, v_loss: str = "mse", expectile: float = 0.9):
  """Per-row loss of V(s) = v regressed onto a target y (same shapes), u = y - v:

  mse:       u^2 (V tends to the mean of y)
  expectile: |tau - 1[u < 0]| * u^2, tau = `expectile` (IQL's L_2^tau: with tau > 0.5 an
             undershoot costs more, so V tends to an upper expectile of y)"""
  u = y - v
  return expectile_loss(u, expectile) if v_loss == "expectile" else u**2


def double_critic_terms(online, y_q, y_v, valid, num_rows, v_term: Callable):
  """The loss of both heads given their targets (no gradient through them):

    L = sum_i mean_b[(Q_i(s, a) - y_Qi)^2 + v_term(V_i(s), y_Vi)],  i in {1, 2}

  online: heads' outputs {"q1","q2","v1","v2"} [B]; y_q, y_v: {"1", "2"} -> [B]; valid [B];
  num_rows: the normaliser. Returns (L, metrics: q/v losses and means per head, critic_loss)."""
  total, metrics = 0.0, {}
  for i in ("1", "2"):
    q_err = online["q" + i] - y_q[i]
    q_l = jnp.sum(valid * q_err**2) / num_rows
    v_l = jnp.sum(valid * v_term(online["v" + i], y_v[i])) / num_rows
    total = total + q_l + v_l
    metrics[f"q{i}_loss"], metrics[f"v{i}_loss"] = q_l, v_l
    metrics[f"q{i}_mean"] = jnp.sum(valid * online["q" + i]) / num_rows
    metrics[f"v{i}_mean"] = jnp.sum(valid * online["v" + i]) / num_rows
  metrics["critic_loss"] = total
  return total, metrics


def action_embedder(embed: Callable, embed_act: Callable | None) -> Callable:
  """embed_act(params, obs, obs_mask, act, act_mask) -> [B, D]; default: embed(act) alone."""
  if embed_act is not None:
    return embed_act
  return lambda p, obs, obs_mask, act, act_mask: embed(p, act, act_mask)


def critic_loss(
  params,
  target_params,
  batch,
  *,
  embed: Callable,
  heads: Callable,
  gamma: float,
  num_rows,
  v_loss: str = "mse",
  expectile: float = 0.9,
  embed_act: Callable | None = None,
  num_candidates: int = 1,
):
  """Utterance-level Bellman loss (spec §2), per head i in {1, 2}:

    y_Qi = r + gamma * (1 - done) * Vbar_i(s')        (target critic, no gradient)
    y_Vi = Qbar_i(s, a_pi)                             (target critic, fresh actor sample)
    L = sum_i mean_b[(Q_i(s, a) - y_Qi)^2 + l(y_Vi - V_i(s))],  l = square | expectile
    (expectile: l(u) = |tau - 1[u < 0]| u^2 as in IQL, so with tau > 0.5 an undershoot of V
    costs more and V tends to an upper expectile of its targets)

  embed(params, tokens, mask) -> [B, D]; heads(params, es, ea|None) -> {"q1","q2","v1","v2"};
  embed_act(params, obs, obs_mask, act, act_mask) -> [B, D] (default: embed of the action
  alone; the joint critic encodes concat(s, a)).
  batch: obs, obs_mask, act, act_mask, next_obs, next_obs_mask, pi_act, pi_act_mask,
  reward [B], done [B], valid [B]. Four encoder calls: s, a (online); s' and s together,
  a_pi (target; `target_state_embeddings`).

  num_candidates = k > 1 (CHAI): pi_act / pi_act_mask are [B, k, ...], k samples a_pi^j per
  state; the best by the target critic, j* = argmax_j min(Qbar1, Qbar2)(s, a_pi^j) (first on
  ties), gives y_Vi = Qbar_i(s, a_pi^j*): V regresses onto the best-of-k policy's value.
  """
  sg = jax.lax.stop_gradient
  ea = action_embedder(embed, embed_act)
  obs, om = batch["obs"], batch["obs_mask"]
  es_next, es = target_state_embeddings(embed, target_params, batch)
  t_next = heads(target_params, es_next)
  if num_candidates > 1:
    t_cur = best_of_k_heads(
      target_params,
      obs,
      om,
      batch["pi_act"],
      batch["pi_act_mask"],
      embed=embed,
      heads=heads,
      embed_act=ea,
      es=es,
    )
  else:
    t_cur = heads(
      target_params, es, ea(target_params, obs, om, batch["pi_act"], batch["pi_act_mask"])
    )
  online = heads(
    params, embed(params, obs, om), ea(params, obs, om, batch["act"], batch["act_mask"])
  )
  r, d = batch["reward"], batch["done"].astype(jnp.float32)
  y_q = {i: sg(r + gamma * (1.0 - d) * t_next["v" + i]) for i in ("1", "2")}
  y_v = {i: sg(t_cur["q" + i]) for i in ("1", "2")}
  v_term = functools.partial(value_regression, v_loss=v_loss, expectile=expectile)
  return double_critic_terms(online, y_q, y_v, batch["valid"], num_rows, v_term)


def target_state_embeddings(embed: Callable, params, batch):
  """(emb(s'), emb(s)) [B, D] each, under `params`, from one encoder call: next_obs and obs
  (and their masks) stacked on a new leading axis of 2 and the call vmapped over it, so the
  two passes run as one program over 2B rows while the batch axis keeps its sharding (a
  concatenation along a sharded batch axis would move rows between devices)."""
  tokens = jnp.stack([batch["next_obs"], batch["obs"]])
  mask = jnp.stack([batch["next_obs_mask"], batch["obs_mask"]])
  both = jax.vmap(lambda t, m: embed(params, t, m))(tokens, mask)
  return both[0], both[1]


def best_candidate(q_min):
  """q_min [B, k] -> the index of each row's best candidate [B] (the first one on ties)."""
  return jnp.argmax(q_min, axis=-1)


def best_of_k_heads(params, obs, obs_mask, cand, cand_mask, *, embed, heads, embed_act, es=None):
  """Q heads at each state's best of k candidate actions under `params`.

  cand / cand_mask [B, k, ...] -> {"q1", "q2": [B] at j*, "best": j* [B]} with
  j* = argmax_j min(Q1, Q2)(s, a^j). One encoder pass over s (none when its embedding `es`
  [B, D] is given), one over the B*k actions."""
  b, k = cand.shape[0], cand.shape[1]
  rep = lambda x: jnp.repeat(x, k, axis=0)
  flat = lambda x: x.reshape(b * k, *x.shape[2:])
  es = embed(params, obs, obs_mask) if es is None else es
  h = heads(
    params, rep(es), embed_act(params, rep(obs), rep(obs_mask), flat(cand), flat(cand_mask))
  )
  q1, q2 = h["q1"].reshape(b, k), h["q2"].reshape(b, k)
  j = best_candidate(jnp.minimum(q1, q2))
  pick = lambda q: jnp.take_along_axis(q, j[:, None], axis=1)[:, 0]
  return {"q1": pick(q1), "q2": pick(q2), "best": j}


def reference_params(ref_params, params):
  """pi_ref's parameters. Under LoRA the reference keeps only its own adapters (and heads):
  the base LM is frozen, so the actor's `params["lm"]` is the reference's too and is shared
  (without gradient) instead of held twice."""
  if ref_params is None or "lm" in ref_params or "lm" not in params:
    return ref_params
  return dict(ref_params, lm=jax.lax.stop_gradient(params["lm"]))


def action_logits(apply: Callable, params, obs, obs_mask, act, act_mask):
  """Forward the actor over concat(obs, act) and return the outputs at the positions that
  predict each action token: logits [B, La, V] (and "values" [B, La] when present).

  Positions count only real tokens, so left-padded observations and right-padded actions
  give every row the positions it would have alone. The observation is the sampler's prompt,
  so it is also what a `seen_gate` actor counts as seen.
  """
  lo = obs.shape[1]
  tokens = jnp.concatenate([obs, act], axis=1)
  mask = jnp.concatenate([obs_mask, act_mask], axis=1).astype(bool)
  out = apply(params, tokens, positions_from_mask(mask), mask, seen=(obs, obs_mask))
  sl = slice(lo - 1, tokens.shape[1] - 1)
  res = {"logits": out["logits"][:, sl]}
  if "values" in out:
    res["values"] = out["values"][:, sl]
  return res


def token_logprobs(logits, tokens):
  """log pi(tokens) under logits [B, La, V] -> [B, La] (f32)."""
  logp = jax.nn.log_softmax(logits.astype(jnp.float32), axis=-1)
  return jnp.take_along_axis(logp, tokens[..., None], axis=-1)[..., 0], logp


def policy_loss(
  params,
  batch,
  *,
  apply: Callable,
  num_rows,
  num_tokens,
  ref_params=None,
  baseline: bool = False,
  value_coef: float = 1.0,
  entropy_coef: float = 0.0,
  kl_coef: float = 0.0,
  clip_eps: float = 0.0,
  unlikelihood_coef: float = 0.0,
):
  """Token-level advantage-weighted policy gradient (spec §3):

    L_pg = -(1/B) sum_b sum_t m_bt * w_bt * log pi(a_bt | s_b, a_b,<t)
    w_bt = A_b                        (plain; A = min Q(s, a_pi) - min V(s), precomputed)
    w_bt = A_b - sg(V_tok(s_b, a_b,<t))   (token-level baseline), + value_coef * masked
           mean_t (V_tok - A_b)^2
  Options: clip_eps > 0 uses the PPO clipped ratio against the sampler's `old_logp`;
  entropy_coef subtracts the mean token entropy; kl_coef adds the mean token
  KL(pi || pi_ref) to `ref_params` (full-vocabulary, exact); unlikelihood_coef adds the
  token-level unlikelihood of what the state already holds,
    L_ul = (1/N_tokens) sum_bt m_bt sum_v seen_bv [v != a_bt] * -log(1 - pi(v | s_b, a_b,<t))
  with seen_bv = 1 when id v occurs among the observation's real ids (`decoder.seen_vocab`):
  probability on re-saying the state's tokens is pushed down at every action token, except
  on the token taken there.
  batch: obs, obs_mask, act, act_mask, advantage [B], valid [B] (+ old_logp [B, La]).
  """
  sg = jax.lax.stop_gradient
  out = action_logits(
    apply, params, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  )
  logp, logp_all = token_logprobs(out["logits"], batch["act"])
  m = batch["act_mask"].astype(jnp.float32) * batch["valid"][:, None]
  adv = batch["advantage"][:, None] * jnp.ones_like(logp)
  metrics = {}
  if baseline:
    v = out["values"]
    value_loss = jnp.sum(m * (v - adv) ** 2) / num_tokens
    adv = adv - sg(v)
    metrics["value_loss"] = value_loss
  if clip_eps > 0:
    ratio = jnp.exp(logp - batch["old_logp"])
    obj = jnp.minimum(ratio * adv, jnp.clip(ratio, 1 - clip_eps, 1 + clip_eps) * adv)
    pg = -jnp.sum(m * obj) / num_rows
  else:
    pg = -jnp.sum(m * sg(adv) * logp) / num_rows
  total = pg
  metrics["pg_loss"] = pg
  if baseline:
    total = total + value_coef * metrics["value_loss"]
  probs = jnp.exp(logp_all)
  if entropy_coef:
    ent = -jnp.sum(m * jnp.sum(probs * logp_all, -1)) / num_tokens
    total = total - entropy_coef * ent
    metrics["entropy"] = ent
  if kl_coef:
    ref_p = reference_params(ref_params, params)
    ref = action_logits(
      apply, ref_p, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
    )
    ref_logp = jax.nn.log_softmax(sg(ref["logits"]).astype(jnp.float32), -1)
    kl = jnp.sum(m * jnp.sum(probs * (logp_all - ref_logp), -1)) / num_tokens
    total = total + kl_coef * kl
    metrics["kl"] = kl
  if unlikelihood_coef:
    seen = seen_vocab(batch["obs"], batch["obs_mask"], probs.shape[-1])[:, None, :]
    others = seen * (1.0 - jax.nn.one_hot(batch["act"], probs.shape[-1], dtype=jnp.float32))
    ul = -jnp.log1p(-jnp.minimum(probs, 1.0 - 1e-6))  # [B, La, V]
    ul = jnp.sum(m * jnp.sum(others * ul, -1)) / num_tokens
    total = total + unlikelihood_coef * ul
    metrics["unlikelihood"] = ul
  metrics["logp_sum"] = jnp.sum(m * logp) / num_rows
  metrics["actor_loss"] = total
  return total, metrics


def bc_loss(params, batch, *, apply: Callable, num_tokens):
  """Behaviour cloning / SFT: L = -(1/N_tokens) sum_bt m_bt log pi(a_bt | s_b, a_b,<t)."""
  out = action_logits(
    apply, params, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  )
  logp, _ = token_logprobs(out["logits"], batch["act"])
  m = batch["act_mask"].astype(jnp.float32) * batch["valid"][:, None]
  loss = -jnp.sum(m * logp) / num_tokens
  return loss, {"bc_loss": loss}

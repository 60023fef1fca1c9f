"""Pure math of the offline algorithms (spec §5, offline ArCHer and its ablations): the IQL /
SARSA utterance critic on dataset actions, the advantage-weighted (AWR) actor, REINFORCE on
the policy's samples with a BC term on the dataset actions, and filtered BC's episode
selection.

Losses divide by counts taken from the whole batch (as in `losses`), so the gradients summed
over micro-batches equal the full-batch gradient; the steps map (train state(s), batch) ->
(new state(s), metrics) and are jitted by the algorithms (`offline_archer`). Batch
conventions as in `losses`: obs [B, Lo] left-padded ids, act [B, La] right-padded ids incl.
the stop token, their masks, valid [B] (1 for real rows).
"""

from __future__ import annotations

import functools
from typing import Callable

import jax
import jax.numpy as jnp
import numpy as np
import optax

from archer_jax.algorithms import losses, steps

CRITIC_TARGETS = ("iql", "sarsa")
ACTOR_LOSSES = ("awr", "reinforce")


# ---- critic ---------------------------------------------------------------------------
def value_regression(v, y, critic_target: str = "iql", expectile: float = 0.9):
  """Per-row loss of V(s) = v regressed onto y: iql = the expectile loss (V tends to an upper
  expectile of y), sarsa = the square (V tends to their mean); `losses.value_regression`."""
  v_loss = "expectile" if critic_target == "iql" else "mse"
  return losses.value_regression(v, y, v_loss, expectile)


def offline_critic_loss(
  params,
  target_params,
  batch,
  *,
  embed: Callable,
  heads: Callable,
  gamma: float,
  num_rows,
  critic_target: str = "iql",
  expectile: float = 0.9,
  embed_act: Callable | None = None,
):
  """Utterance-level critic on dataset transitions (s, a, r, s', done), per head i in {1, 2}:

    y_V  = min(Qbar1, Qbar2)(s, a)                (target critic, the dataset action)
    y_Qi = r + gamma * (1 - done) * Vbar_i(s')     (target critic, as in ArCHer's critic)
    L = sum_i mean_b [ (Q_i(s, a) - y_Qi)^2 + l(y_V - V_i(s)) ]
    l(u) = |tau - 1[u < 0]| * u^2, tau = `expectile`   (critic_target "iql": V tends to an
           upper expectile of Q over the dataset's actions at s, an in-sample maximum)
    l(u) = u^2                                     (critic_target "sarsa": V tends to their
           mean, the behaviour policy's value; Q then backs up the next dataset action's)
    (`value_regression`)

  No policy sample enters the loss. embed / heads / embed_act as in `losses.critic_loss`.
  batch: obs, obs_mask, act, act_mask, next_obs, next_obs_mask [B, L], reward, done,
  valid [B]. Four encoder calls: s, a (online); s' and s together, a (target;
  `losses.target_state_embeddings`). Returns (L, metrics)."""
  sg = jax.lax.stop_gradient
  ea = losses.action_embedder(embed, embed_act)
  obs, om, act, am = batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  es_next, es = losses.target_state_embeddings(embed, target_params, batch)
  t_cur = heads(target_params, es, ea(target_params, obs, om, act, am))
  v_next = heads(target_params, es_next)
  online = heads(params, embed(params, obs, om), ea(params, obs, om, act, am))
  r, d = batch["reward"], batch["done"].astype(jnp.float32)
  y_q = {i: sg(r + gamma * (1.0 - d) * v_next["v" + i]) for i in ("1", "2")}
  y_v = sg(jnp.minimum(t_cur["q1"], t_cur["q2"]))
  v_term = functools.partial(value_regression, critic_target=critic_target, expectile=expectile)
  return losses.double_critic_terms(
    online, y_q, {"1": y_v, "2": y_v}, batch["valid"], num_rows, v_term
  )


# ---- actor: AWR ---------------------------------------------------------------------------
def awr_weights(advantage, beta: float, max_weight: float):
  """w_b = min(exp(beta * A_b), max_weight) [B], computed as exp(min(beta * A_b,
  log max_weight)) so that a large advantage never overflows."""
  return jnp.exp(jnp.minimum(beta * advantage, jnp.log(max_weight)))


def awr_loss(params, batch, *, apply: Callable, num_tokens):
  """Advantage-weighted regression onto the dataset actions (per-utterance weights):

    L = -(1/N_tok) sum_bt m_bt * w_b * log pi(a_bt | s_b, a_b,<t)

  N_tok: the valid action tokens of the whole batch; with w = 1 this is `losses.bc_loss`.
  batch: obs, obs_mask [B, Lo], act, act_mask [B, La] (dataset actions, actor ids),
  weight [B] (no gradient), valid [B]. Returns (L, {"actor_loss", "data_nll"}), data_nll the
  unweighted loss."""
  out = losses.action_logits(
    apply, params, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  )
  logp, _ = losses.token_logprobs(out["logits"], batch["act"])
  m = batch["act_mask"].astype(jnp.float32) * batch["valid"][:, None]
  w = jax.lax.stop_gradient(batch["weight"])[:, None]
  loss = -jnp.sum(m * w * logp) / num_tokens
  return loss, {"actor_loss": loss, "data_nll": -jnp.sum(m * logp) / num_tokens}


def awr_step(
  state,
  critic_params,
  batch,
  *,
  tx,
  apply,
  embed,
  heads,
  embed_act=None,
  beta: float,
  max_weight: float,
  num_micro: int = 1,
  trainable=None,
):
  """One AWR policy update on dataset actions:

    A_b = min(Q1, Q2)(s_b, a_b) - min(V1, V2)(s_b)   (online critic, no gradient)
    w_b = min(exp(beta * A_b), max_weight), then `awr_loss` with weights w.

  batch["critic"]: obs, obs_mask [B, Lc], act, act_mask [B, Lac] (critic ids of the dataset
  actions, or cached features [B, D] with a frozen encoder); batch["actor"]: obs, obs_mask,
  act, act_mask, valid of the same B rows in actor ids. Returns (state, metrics)."""
  a = batch["actor"]
  adv = steps.batch_advantages(
    critic_params, batch["critic"], "act", embed=embed, heads=heads, embed_act=embed_act
  )
  w = awr_weights(jax.lax.stop_gradient(adv), beta, max_weight)
  valid = a["valid"]
  num_rows = jnp.maximum(jnp.sum(valid), 1.0)
  num_tokens = jnp.maximum(jnp.sum(a["act_mask"] * valid[:, None]), 1.0)
  loss_fn = functools.partial(awr_loss, apply=apply, num_tokens=num_tokens)
  grads, metrics = steps.accumulate_grads(
    lambda p, b: loss_fn(p, b), state.params, dict(a, weight=w), num_micro, trainable
  )
  metrics["actor_grad_norm"] = optax.global_norm(grads)
  metrics["advantage_mean"] = jnp.sum(adv * valid) / num_rows
  metrics["awr_weight_mean"] = jnp.sum(w * valid) / num_rows
  metrics["awr_clipped"] = jnp.sum((beta * adv >= jnp.log(max_weight)) * valid) / num_rows
  return state.apply_gradients(grads, tx), metrics


# ---- actor: REINFORCE + BC ----------------------------------------------------------------
def reinforce_bc_loss(
  params,
  batch,
  *,
  apply: Callable,
  num_rows,
  num_tokens,
  num_data_tokens,
  bc_coef: float,
  ref_params=None,
  **policy_kw,
):
  """ArCHer's policy gradient on the policy's own samples plus BC on the dataset actions:

    L = L_pg(batch["pi"]) + bc_coef * L_bc(batch["data"])

  L_pg: `losses.policy_loss` (per-row advantages, / num_rows); L_bc: `losses.bc_loss`
  (/ num_data_tokens, the valid dataset-action tokens of the whole batch).
  batch["pi"]: obs, obs_mask, act, act_mask (a_pi ids), advantage, valid (+ old_logp);
  batch["data"]: obs, obs_mask, act, act_mask (dataset actions), valid. Returns (L, metrics)."""
  pg, metrics = losses.policy_loss(
    params,
    batch["pi"],
    apply=apply,
    num_rows=num_rows,
    num_tokens=num_tokens,
    ref_params=ref_params,
    **policy_kw,
  )
  bc, _ = losses.bc_loss(params, batch["data"], apply=apply, num_tokens=num_data_tokens)
  total = pg + bc_coef * bc
  metrics.update(bc_loss=bc, actor_loss=total)
  return total, metrics


def reinforce_bc_step(
  state,
  critic_params,
  batch,
  ref_params=None,
  *,
  tx,
  apply,
  embed,
  heads,
  embed_act=None,
  bc_coef: float,
  num_micro: int = 1,
  normalize_advantage: bool = False,
  trainable=None,
  **policy_kw,
):
  """One REINFORCE + BC policy update (`reinforce_bc_loss`):

    A_b = min(Q1, Q2)(s_b, a_pi_b) - min(V1, V2)(s_b)   (online critic, no gradient)
    (normalize_advantage: A <- (A - mean A) / (std A + 1e-6) over the valid rows)

  batch["critic"]: obs, obs_mask, pi_act, pi_act_mask (critic ids of the a_pi samples, or
  features); batch["actor"]: `steps.actor_step`'s fields but the advantage (a_pi in actor
  ids); batch["data"]: the BC fields of the same B rows' dataset actions. Returns (state,
  metrics)."""
  pi = batch["actor"]
  adv = steps.batch_advantages(
    critic_params, batch["critic"], "pi_act", embed=embed, heads=heads, embed_act=embed_act
  )
  adv = jax.lax.stop_gradient(adv)
  valid, data = pi["valid"], batch["data"]
  num_rows = jnp.maximum(jnp.sum(valid), 1.0)
  if normalize_advantage:
    adv = steps.normalize_rows(adv, valid, num_rows)
  loss_fn = functools.partial(
    reinforce_bc_loss,
    apply=apply,
    num_rows=num_rows,
    num_tokens=jnp.maximum(jnp.sum(pi["act_mask"] * valid[:, None]), 1.0),
    num_data_tokens=jnp.maximum(jnp.sum(data["act_mask"] * data["valid"][:, None]), 1.0),
    bc_coef=bc_coef,
    ref_params=ref_params,
    **policy_kw,
  )
  both = {"pi": dict(pi, advantage=adv), "data": data}
  grads, metrics = steps.accumulate_grads(
    lambda p, b: loss_fn(p, b), state.params, both, num_micro, trainable
  )
  metrics["actor_grad_norm"] = optax.global_norm(grads)
  metrics["advantage_mean"] = jnp.sum(both["pi"]["advantage"] * valid) / num_rows
  return state.apply_gradients(grads, tx), metrics


# ---- filtered BC ----------------------------------------------------------------------------
def top_episodes(returns, quantile: float = 0.9):
  """bool [E]: the episodes whose return is >= the `quantile` quantile of all the returns
  (linear interpolation, as np.quantile); ties at the threshold are kept."""
  returns = np.asarray(returns, np.float64)
  if not len(returns):
    return np.zeros(0, bool)
  return returns >= np.quantile(returns, quantile)

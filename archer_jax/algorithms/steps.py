"""Jittable pure update steps: critic (Bellman + fused Polyak), actor (policy gradient), BC.

Each step maps (train state(s), batch) -> (new state(s), metrics) and is jitted by
`algorithms.compiled` with out shardings and the states donated. Gradient accumulation
over `num_micro` micro-batches runs in a `lax.scan`; losses divide by counts taken from the
whole batch, so the summed gradient equals the full-batch gradient exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import jax
import jax.numpy as jnp
import optax

from archer_jax.algorithms import losses


def accumulate_grads(loss_fn, params, batch, num_micro: int, trainable=None):
  """sum_k grad loss_fn(params, batch_k) over `num_micro` equal slices of the batch axis.

  loss_fn(params, micro_batch) -> (loss, metrics) with loss already normalised by global
  counts; metrics are summed the same way. Returns (grads, metrics).
  trainable(params) -> bool pytree (e.g. `lora.trainable_mask`): gradients are taken for the
  True leaves only; the False leaves' are zeros, never computed nor accumulated (a frozen
  base model costs no weight gradients).
  """
  if trainable is not None:
    leaves, treedef = jax.tree.flatten(params)
    keep = jax.tree.leaves(trainable(params))
    fill = lambda sub, other: treedef.unflatten(
      [next(sub) if k else other(x) for x, k in zip(leaves, keep, strict=True)]
    )
    grads, metrics = accumulate_grads(
      lambda t, b: loss_fn(fill(iter(t), jax.lax.stop_gradient), b),
      [x for x, k in zip(leaves, keep, strict=True) if k],
      batch,
      num_micro,
    )
    return fill(iter(grads), jnp.zeros_like), metrics
  grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
  if num_micro == 1:
    (_, metrics), grads = grad_fn(params, batch)
    return grads, metrics
  micro = jax.tree.map(lambda x: x.reshape(num_micro, x.shape[0] // num_micro, *x.shape[1:]), batch)
  first = jax.tree.map(lambda x: x[0], micro)
  m_shape = jax.eval_shape(lambda p, b: loss_fn(p, b)[1], params, first)
  zeros = (
    jax.tree.map(jnp.zeros_like, params),
    jax.tree.map(lambda s: jnp.zeros(s.shape, s.dtype), m_shape),
  )

  def body(carry, mb):
    (_, m), g = grad_fn(params, mb)
    return jax.tree.map(jnp.add, carry, (g, m)), None

  (grads, metrics), _ = jax.lax.scan(body, zeros, micro)
  return grads, metrics


def polyak(target, online, tau: float):
  """target <- (1 - tau) * target + tau * online (every leaf)."""
  return jax.tree.map(lambda t, o: ((1.0 - tau) * t + tau * o).astype(t.dtype), target, online)


def critic_step(
  state,
  target_params,
  batch,
  *,
  tx,
  tau: float,
  num_micro: int = 1,
  loss: Callable = losses.critic_loss,
  **loss_kw,
):
  """One utterance-level critic update and the fused target update
  theta_bar <- (1 - tau) theta_bar + tau theta. `loss(params, target_params=, batch=,
  num_rows=, **loss_kw) -> (L, metrics)`: ArCHer's Bellman loss (`losses.critic_loss`, whose
  keywords embed, heads, gamma, v_loss, expectile, embed_act, num_candidates pass through)
  or another on the same batches (the offline critic). batch rows: [B] transitions (with
  a_pi, [B, k] candidates when num_candidates = k > 1, for ArCHer's loss); gradients
  accumulated over `num_micro` micro-batches. Returns (state, target_params, metrics)."""
  num_rows = jnp.maximum(jnp.sum(batch["valid"]), 1.0)
  loss_fn = functools.partial(loss, target_params=target_params, num_rows=num_rows, **loss_kw)
  grads, metrics = accumulate_grads(
    lambda p, b: loss_fn(p, batch=b), state.params, batch, num_micro
  )
  metrics["critic_grad_norm"] = optax.global_norm(grads)
  state = state.apply_gradients(grads, tx)
  return state, polyak(target_params, state.params, tau), metrics


def actor_step(
  state,
  batch,
  ref_params=None,
  *,
  tx,
  apply,
  num_micro: int = 1,
  normalize_advantage: bool = False,
  trainable=None,
  **loss_kw,
):
  """One token-level policy-gradient update (see `losses.policy_loss`).

  batch: obs/obs_mask [B, Lo], act/act_mask [B, La] (sampled ids), advantage [B], valid [B].
  With normalize_advantage, A <- (A - mean A) / (std A + 1e-6) over the valid rows of the
  whole batch (before micro-batching, so accumulation stays exact)."""
  valid = batch["valid"]
  num_rows = jnp.maximum(jnp.sum(valid), 1.0)
  num_tokens = jnp.maximum(jnp.sum(batch["act_mask"] * valid[:, None]), 1.0)
  if normalize_advantage:
    batch = dict(batch, advantage=normalize_rows(batch["advantage"], valid, num_rows))
  loss_fn = functools.partial(
    losses.policy_loss,
    apply=apply,
    num_rows=num_rows,
    num_tokens=num_tokens,
    ref_params=ref_params,
    **loss_kw,
  )
  grads, metrics = accumulate_grads(
    lambda p, b: loss_fn(p, b), state.params, batch, num_micro, trainable
  )
  metrics["actor_grad_norm"] = optax.global_norm(grads)
  metrics["advantage_mean"] = jnp.sum(batch["advantage"] * valid) / num_rows
  return state.apply_gradients(grads, tx), metrics


def actor_step_with_critic(
  state, critic_params, batch, ref_params=None, *, tx, apply, embed, heads, embed_act=None, **kw
):
  """ArCHer's policy update with the advantage computed in the same step:

    A_b = min(Q1, Q2)(s_b, a_b) - min(V1, V2)(s_b)   (online critic, no gradient)
    then `actor_step` on batch["actor"] with advantage A.

  batch["critic"]: obs/obs_mask [B, Lc], pi_act/pi_act_mask [B, Lac] (critic ids of the
  actor's samples, or cached features [B, D] with a frozen encoder); batch["actor"]: the
  `actor_step` fields but the advantage, the same B rows."""
  adv = batch_advantages(
    critic_params, batch["critic"], "pi_act", embed=embed, heads=heads, embed_act=embed_act
  )
  return actor_step(
    state,
    dict(batch["actor"], advantage=jax.lax.stop_gradient(adv)),
    ref_params,
    tx=tx,
    apply=apply,
    **kw,
  )


def bc_step(state, batch, *, tx, apply, num_micro: int = 1, trainable=None):
  """One behaviour-cloning (SFT) update: maximise sum_t log pi(a_t | s, a_<t) on data."""
  num_tokens = jnp.maximum(jnp.sum(batch["act_mask"] * batch["valid"][:, None]), 1.0)
  loss_fn = functools.partial(losses.bc_loss, apply=apply, num_tokens=num_tokens)
  grads, metrics = accumulate_grads(
    lambda p, b: loss_fn(p, b), state.params, batch, num_micro, trainable
  )
  metrics["bc_grad_norm"] = optax.global_norm(grads)
  return state.apply_gradients(grads, tx), metrics


def advantages(critic_params, obs, obs_mask, act, act_mask, *, embed, heads, embed_act=None):
  """A(s, a) = min(Q1, Q2)(s, a) - min(V1, V2)(s) under the online critic: [B]."""
  ea = losses.action_embedder(embed, embed_act)
  h = heads(
    critic_params,
    embed(critic_params, obs, obs_mask),
    ea(critic_params, obs, obs_mask, act, act_mask),
  )
  return jnp.minimum(h["q1"], h["q2"]) - jnp.minimum(h["v1"], h["v2"])


def batch_advantages(critic_params, c: dict, action: str, *, embed, heads, embed_act=None):
  """`advantages` at the critic batch `c`'s obs / obs_mask and its action field `action`
  ("act": the data's, "pi_act": the actor's samples) with `action + "_mask"`: [B]."""
  return advantages(
    critic_params,
    c["obs"],
    c["obs_mask"],
    c[action],
    c[action + "_mask"],
    embed=embed,
    heads=heads,
    embed_act=embed_act,
  )


def normalize_rows(a, valid, num_rows):
  """(a - mean a) / (std a + 1e-6) over the valid rows: a, valid [B]; num_rows = sum valid."""
  mean = jnp.sum(a * valid) / num_rows
  std = jnp.sqrt(jnp.sum(valid * (a - mean) ** 2) / num_rows)
  return (a - mean) / (std + 1e-6)


def q_values(params, obs, obs_mask, act, act_mask, *, embed, heads, embed_act=None):
  """min(Q1, Q2)(s, a): [B] (CHAI's candidate ranking uses the target critic's)."""
  ea = losses.action_embedder(embed, embed_act)
  h = heads(params, embed(params, obs, obs_mask), ea(params, obs, obs_mask, act, act_mask))
  return jnp.minimum(h["q1"], h["q2"])

"""Token-level PPO math (spec §5, the on-policy baseline): generalised advantage estimation
over the tokens of multi-turn episodes, the clipped-ratio objective with value, entropy and
KL terms, the behaviour statistics of a batch, and the adaptive KL coefficient. Pure
functions; `algorithms.ppo` jits them.

Layout: a batch of turns is N rows; obs [N, Lo] left-padded ids with obs_mask, act [N, La]
right-padded sampled ids (incl. the stop token) with act_mask, valid [N] (0 for batch
padding). Token t of a row is the t-th action token; its value V(s, a_<t) and log-prob
log pi(a_t | s, a_<t) are read at the position that predicts it (`losses.action_logits`).
"""

from __future__ import annotations

from typing import Callable

import jax
import jax.numpy as jnp
import numpy as np

from archer_jax.algorithms.losses import action_logits, reference_params, token_logprobs

# the adaptive KL coefficient stays within these bounds (so halving never reaches 0)
KL_COEF_MIN, KL_COEF_MAX = 1e-6, 1e3


def turn_ends(mask):
  """bool [N, La]: the last real token of each row of a right-padded mask [N, La] (none in a
  row without real tokens)."""
  mask = mask.astype(bool)
  la = mask.shape[-1]
  last = la - 1 - jnp.argmax(mask[:, ::-1], axis=-1)
  return mask & (jnp.arange(la)[None, :] == last[:, None])


def gae(values, mask, reward, done, last, bootstrap, *, gamma, lam, token_gamma=1.0):
  """Generalised advantage estimation over tokens, crossing turn boundaries.

  Rows are turns in episode order (the turns of an episode consecutive, in turn order;
  padding rows, all-masked, anywhere after). Over the real tokens t of the flattened
  sequence (row-major; padding tokens skipped):

    r_t     = the turn's env reward at its last token, 0 at its other tokens
    g_t     = gamma at a turn's last token, token_gamma inside the utterance
    V'_t    = V of the next real token: the next token of the utterance, or the first
              action token of the episode's next turn; after an episode's last stored turn
              (last): 0 if the turn is terminal (done), else bootstrap (a truncated episode:
              the caller's estimate of V(s'), the value of the next observation)
    delta_t = r_t + g_t V'_t - V_t
    A_t     = delta_t + g_t lam A_{t+1}      (A_{t+1} = 0 after an episode's last stored turn)
    R_t     = A_t + V_t                      (the value targets)

  values, mask [N, La]; reward, done, last, bootstrap [N]. A reverse `lax.scan` over the
  N * La tokens; padding tokens pass the carry (V and A of the next real token) through.
  A row without real tokens contributes nothing (its reward is lost: sampled actions hold at
  least one token). Returns (advantages, returns) [N, La] f32, 0 on padding."""
  f32 = jnp.float32
  mask = mask.astype(bool)
  values = values.astype(f32)
  end = turn_ends(mask)
  n, la = mask.shape
  r = jnp.where(end, reward.astype(f32)[:, None], 0.0)
  g = jnp.where(end, f32(gamma), f32(token_gamma))
  cont = ~(end & last.astype(bool)[:, None])  # the next real token is in the same episode
  boot = jnp.where(done.astype(bool), 0.0, bootstrap.astype(f32))[:, None] * jnp.ones((1, la), f32)

  def step(carry, x):
    v_next, a_next = carry
    v, m, rt, gt, c, b = x
    v_link = jnp.where(c, v_next, b)
    a = rt + gt * v_link - v + gt * f32(lam) * jnp.where(c, a_next, 0.0)
    return (jnp.where(m, v, v_next), jnp.where(m, a, a_next)), jnp.where(m, a, 0.0)

  xs = tuple(x.reshape(n * la) for x in (values, mask, r, g, cont, boot))
  _, adv = jax.lax.scan(step, (f32(0.0), f32(0.0)), xs, reverse=True)
  adv = adv.reshape(n, la)
  return adv, jnp.where(mask, adv + values, 0.0)


def normalize(x, mask, eps: float = 1e-8):
  """(x - mean) / (std + eps) over the entries where mask is set (population std); 0
  elsewhere. x, mask [...] (same shape)."""
  m = mask.astype(jnp.float32)
  count = jnp.maximum(jnp.sum(m), 1.0)
  mean = jnp.sum(m * x) / count
  std = jnp.sqrt(jnp.sum(m * (x - mean) ** 2) / count)
  return jnp.where(mask.astype(bool), (x - mean) / (std + eps), 0.0)


def token_stats(params, batch, ref_params=None, *, apply: Callable, use_ref: bool = False):
  """The behaviour statistics of a batch of turns under `params` (no gradient):

    logp_t   = log pi(a_t | s, a_<t)                       [N, La]
    values_t = V(s, a_<t) (the actor's token-level value head)   [N, La]
    kl_t     = sum_v pi(v | .) (log pi(v | .) - log pi_ref(v | .))   [N, La]
               (exact over the vocabulary; zeros without a reference)

  batch: obs, obs_mask [N, Lo], act, act_mask [N, La]. values_t[:, 0] is V(s) (the value
  at the last observation token), whatever the action."""
  out = action_logits(
    apply, params, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  )
  logp, logp_all = token_logprobs(out["logits"], batch["act"])
  kl = jnp.zeros_like(logp)
  if use_ref:
    ref_p = reference_params(ref_params, params)
    ref = action_logits(
      apply, ref_p, batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
    )
    ref_all = jax.nn.log_softmax(ref["logits"].astype(jnp.float32), -1)
    kl = jnp.sum(jnp.exp(logp_all) * (logp_all - ref_all), -1)
  return {"logp": logp, "values": out["values"].astype(jnp.float32), "kl": kl}


def ppo_objective(
  logits,
  values,
  batch,
  ref_logits=None,
  *,
  num_tokens,
  clip_eps: float,
  value_coef: float,
  value_clip: float = 0.0,
  entropy_coef: float = 0.0,
  kl_coef=0.0,
):
  """The token-level PPO loss of a (micro-)batch from the policy's outputs:

    rho_t = exp(log pi(a_t) - old_logp_t)
    L_pi  = -(1/T) sum_t m_t min(rho_t A_t, clip(rho_t, 1 - eps, 1 + eps) A_t)
            (eps = clip_eps; 0: no clipping, -(1/T) sum_t m_t rho_t A_t)
    L_V   = (1/T) sum_t m_t 1/2 max((V_t - R_t)^2, (Vc_t - R_t)^2),
            Vc_t = old_V_t + clip(V_t - old_V_t, -value_clip, value_clip)
            (value_clip = 0: 1/2 (V_t - R_t)^2)
    H     = (1/T) sum_t m_t H(pi(. | s, a_<t))                        (full vocabulary)
    KL    = (1/T) sum_t m_t sum_v pi (log pi - log pi_ref)(v | s, a_<t)   (with ref_logits)
    L     = L_pi + value_coef L_V - entropy_coef H + kl_coef KL

  m_t = act_mask * valid; T = num_tokens, the real-token count of the whole batch (so
  micro-batch gradients sum exactly). logits [B, La, V], values [B, La], ref_logits
  [B, La, V] or None; batch: act, act_mask [B, La], valid [B], old_logp, old_values,
  advantage, returns [B, La]. kl_coef may be a traced scalar. Returns (L, metrics)."""
  sg = jax.lax.stop_gradient
  f32 = jnp.float32
  logp, logp_all = token_logprobs(logits, batch["act"])
  m = batch["act_mask"].astype(f32) * batch["valid"].astype(f32)[:, None]
  tsum = lambda x: jnp.sum(m * x) / num_tokens
  adv = sg(batch["advantage"].astype(f32))
  log_ratio = logp - batch["old_logp"].astype(f32)
  ratio = jnp.exp(log_ratio)
  if clip_eps > 0:
    obj = jnp.minimum(ratio * adv, jnp.clip(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv)
  else:
    obj = ratio * adv
  pg = -tsum(obj)
  v, ret, old_v = values.astype(f32), sg(batch["returns"].astype(f32)), batch["old_values"]
  v_err = (v - ret) ** 2
  if value_clip > 0:
    v_clipped = old_v + jnp.clip(v - old_v, -value_clip, value_clip)
    v_err = jnp.maximum(v_err, (v_clipped - ret) ** 2)
  value_loss = 0.5 * tsum(v_err)
  probs, zero = jnp.exp(logp_all), jnp.zeros((), f32)
  entropy = -tsum(jnp.sum(probs * logp_all, -1))
  total = pg + value_coef * value_loss
  if entropy_coef:
    total = total - entropy_coef * entropy
  metrics = {
    "pg_loss": pg,
    "value_loss": value_loss,
    "entropy": entropy,
    "approx_kl": tsum((ratio - 1.0) - log_ratio),  # KL(pi_old || pi), the k3 estimator
    "clip_frac": tsum((jnp.abs(ratio - 1.0) > clip_eps).astype(f32)) if clip_eps > 0 else zero,
  }
  if ref_logits is not None:
    ref_all = jax.nn.log_softmax(sg(ref_logits).astype(f32), -1)
    kl = tsum(jnp.sum(probs * (logp_all - ref_all), -1))
    total = total + kl_coef * kl
    metrics["kl"] = kl
  metrics["actor_loss"] = total
  return total, metrics


def ppo_loss(params, batch, ref_params=None, *, apply: Callable, use_ref: bool = False, **kw):
  """`ppo_objective` of the actor's outputs under `params` (and the reference policy's,
  without gradient, when use_ref). batch: obs, obs_mask [B, Lo] and the `ppo_objective`
  fields; kw: its options (num_tokens, clip_eps, value_coef, ...)."""
  obs, om, act, am = batch["obs"], batch["obs_mask"], batch["act"], batch["act_mask"]
  out = action_logits(apply, params, obs, om, act, am)
  ref_logits = None
  if use_ref:
    ref_p = reference_params(ref_params, params)
    ref_logits = jax.lax.stop_gradient(action_logits(apply, ref_p, obs, om, act, am)["logits"])
  return ppo_objective(out["logits"], out["values"], batch, ref_logits, **kw)


def adapt_kl_coef(coef, kl, target):
  """The adaptive KL penalty (PPO paper §4; the controller of Ziegler et al. in its simplest
  form): beta <- 2 beta if KL > 1.5 target, beta / 2 if KL < target / 1.5, else unchanged;
  kept within [KL_COEF_MIN, KL_COEF_MAX]; target <= 0 leaves beta fixed. Host float32
  arithmetic (doubling and halving are exact), so a resumed run repeats it bit for bit."""
  coef = np.float32(coef)
  if target <= 0:
    return coef
  if kl > 1.5 * target:
    coef = coef * np.float32(2.0)
  elif kl < target / 1.5:
    coef = coef / np.float32(2.0)
  return np.float32(np.clip(coef, KL_COEF_MIN, KL_COEF_MAX))

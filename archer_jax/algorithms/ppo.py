"""Token-level PPO (spec §5, the on-policy baseline of the paper's headline comparison): each
iteration's rollouts only, GAE over the tokens of each episode, the clipped-ratio objective
with the actor's token-level value head, an entropy bonus and a KL penalty to the reference
policy (fixed, or adapted towards `algo.kl_target`). No critic.

Per iteration `it`:
  1. the turns collected in `it` (the buffer is a ring of one iteration's capacity,
     rollout_size * max_turns rows, and rows carry their iteration), ordered by (episode,
     turn);
  2. once, with the current parameters (on-policy: the behaviour policy's): old log-probs,
     old values V(s, a_<t), and KL(pi || pi_ref) per token (`ppo_losses.token_stats`);
  3. the KL coefficient beta: with `algo.kl_target` > 0, beta <- `adapt_kl_coef(beta, KL,
     target)` where KL is the mean token KL just measured (the policy after the previous
     iteration's update, on fresh data; skipped before the first policy update);
  4. rewards at each turn's last token, GAE(lambda) over the episode's tokens across turns
     (`ppo_losses.gae`; jitted reverse `lax.scan`), returns R = A + V; advantages
     normalised over the iteration's tokens (`algo.advantage_norm` = "batch"), per
     minibatch ("minibatch") or not ("none");
  5. `algo.ppo_epochs` epochs, each a fresh permutation of the turns in minibatches of
     `algo.batch_size` turns (the last one padded with invalid rows): one gradient step of
     `ppo_losses.ppo_objective` each.

Episode ends. The env's `done` is terminal: the value after it is 0. That includes the turn
cap (`env.max_turns`, where the env ends the episode with done and info["truncated"]): the
game's return is defined over at most max_turns turns (20Q: -20 at worst), so past the cap
nothing is owed, as ArCHer's Bellman targets also treat it. An episode whose last stored turn
is not done (not produced by `rollout.collect`, which plays every episode to its end, but
handled) bootstraps from V(s'): the value head at the last token of the next observation,
the value the first action token of the missing next turn would have had.

Where the state lives. beta is learnt state: with `kl_target` > 0 it is declared in
`needs` (`Needs.algo`) and kept as `RLState.algo["kl_coef"]` (a float32 host scalar, like
the iteration counter), so a checkpoint (the RLState and the buffer) holds it and a resumed
run is bit-identical. Nothing learnt is kept on this object.

Old log-probs are log pi at temperature 1 (the policy the loss trains), so `check` requires
actor.temperature = 1 and no greedy rollouts: the data must come from that policy."""

from __future__ import annotations

import functools

import jax
import jax.numpy as jnp
import numpy as np
import optax

from archer_jax.algorithms import compiled, ppo_losses, steps
from archer_jax.algorithms.context import example_rows, mean_metrics
from archer_jax.algorithms.registry import Algorithm, register
from archer_jax.parallel.mesh import to_host
from archer_jax.training.rollout import pad_left

EPOCH = 3  # stream purpose + epoch index (as the other algorithms' policy steps)
EPISODE_STRIDE = 1_000_000  # global episode id = iteration * stride + index
NORMS = ("batch", "minibatch", "none")


def _algo(config, name):
  """A PPO field of config.algo, with its default when a config predates it."""
  defaults = dict(
    gae_lambda=0.95,
    token_gamma=1.0,
    ppo_epochs=4,
    kl_target=0.0,
    value_clip=0.0,
    advantage_norm="batch",
  )
  return config.algo.get(name, defaults[name])


def ppo_step(
  state,
  batch,
  ref_params,
  kl_coef,
  *,
  tx,
  apply,
  num_micro: int = 1,
  normalize_minibatch: bool = False,
  use_ref: bool = False,
  trainable=None,
  **loss_kw,
):
  """One PPO gradient step on a minibatch of B turns -> (state, metrics).

  batch: obs, obs_mask [B, Lo]; act, act_mask [B, La]; old_logp, old_values, advantage,
  returns [B, La]; valid [B]. With normalize_minibatch, A <- (A - mean A) / (std A + 1e-8)
  over the minibatch's real tokens (before micro-batching). The loss is
  `ppo_losses.ppo_loss` (L_pi + value_coef L_V - entropy_coef H + kl_coef KL) normalised by
  the minibatch's real-token count T, so the gradients of `num_micro` micro-batches sum to
  the minibatch's exactly; then one optimizer update. kl_coef: f32 [] (traced: the adaptive
  coefficient does not recompile)."""
  m = batch["act_mask"].astype(jnp.float32) * batch["valid"][:, None]
  num_tokens = jnp.maximum(jnp.sum(m), 1.0)
  if normalize_minibatch:
    batch = dict(batch, advantage=ppo_losses.normalize(batch["advantage"], m > 0))
  loss_fn = functools.partial(
    ppo_losses.ppo_loss,
    ref_params=ref_params,
    apply=apply,
    use_ref=use_ref,
    num_tokens=num_tokens,
    kl_coef=kl_coef,
    **loss_kw,
  )
  grads, metrics = steps.accumulate_grads(loss_fn, state.params, batch, num_micro, trainable)
  metrics["actor_grad_norm"] = optax.global_norm(grads)
  return state.apply_gradients(grads, tx), metrics


def advantages(values, mask, reward, done, last, bootstrap, *, normalize_batch: bool, **gae_kw):
  """`ppo_losses.gae` over the iteration's turns [C, La] (rows padded to a fixed C) ->
  {"advantage", "returns"} [C, La]; with normalize_batch the advantages are normalised over
  all real tokens (the returns stay A + V of the raw advantages)."""
  adv, ret = ppo_losses.gae(values, mask, reward, done, last, bootstrap, **gae_kw)
  raw_mean = jnp.sum(adv) / jnp.maximum(jnp.sum(mask), 1)
  if normalize_batch:
    adv = ppo_losses.normalize(adv, mask)
  return {"advantage": adv, "returns": ret, "raw_advantage_mean": raw_mean}


@register
class PPO(Algorithm):
  name = "ppo"
  description = "on-policy token-level PPO: GAE over tokens, clipped ratio, value head, KL"
  per_shard_data = False  # epochs of minibatches over the whole collection

  @classmethod
  def needs(cls, config):
    """The actor's value head; the reference policy when kl_coef > 0; with an adaptive
    coefficient (kl_target > 0) its initial value as RLState.algo["kl_coef"]."""
    from archer_jax.training.builder import Needs

    kl = float(config.algo.kl_coef)
    algo = {"kl_coef": np.asarray(kl, np.float32)} if _algo(config, "kl_target") > 0 else {}
    return Needs(critic=False, value_head=True, reference=kl > 0, algo=algo)

  @classmethod
  def policy_gradient(cls, config) -> bool:
    return False

  @classmethod
  def check(cls, config) -> None:
    from archer_jax.training.validate import ConfigError

    def need(ok, field, msg):
      if not ok:
        raise ConfigError(f"config.{field}: {msg}")

    a = config.algo
    for f in ("gae_lambda", "token_gamma"):
      v = _algo(config, f)
      need(0.0 <= v <= 1.0, f"algo.{f}", f"must be in [0, 1], got {v!r}")
    e = _algo(config, "ppo_epochs")
    need(isinstance(e, int) and e >= 1, "algo.ppo_epochs", f"must be an integer >= 1, got {e!r}")
    for f in ("kl_target", "value_clip"):
      v = _algo(config, f)
      need(v >= 0.0, f"algo.{f}", f"must be >= 0, got {v!r}")
    need(0.0 <= a.clip_eps < 1.0, "algo.clip_eps", f"must be in [0, 1), got {a.clip_eps!r}")
    need(a.kl_coef >= 0.0, "algo.kl_coef", f"must be >= 0, got {a.kl_coef!r}")
    need(
      _algo(config, "kl_target") == 0 or a.kl_coef > 0,
      "algo.kl_target",
      "an adaptive KL coefficient needs a starting algo.kl_coef > 0",
    )
    n = _algo(config, "advantage_norm")
    need(n in NORMS, "algo.advantage_norm", f"must be one of {', '.join(NORMS)}, got {n!r}")
    g = config.train.get("greedy_rollouts", 0)
    need(g == 0, "train.greedy_rollouts", f"ppo is on-policy: must be 0, got {g!r}")
    t = config.actor.temperature
    need(t == 1.0, "actor.temperature", f"ppo's ratio is against pi itself: must be 1, got {t!r}")

  def __init__(self, ctx):
    super().__init__(ctx)
    c, a, nets = self.config, self.config.algo, ctx.nets
    self.use_ref = float(a.kl_coef) > 0
    self.epochs = int(_algo(c, "ppo_epochs"))
    self.kl_target = float(_algo(c, "kl_target"))
    self.norm = _algo(c, "advantage_norm")
    apply = compiled.actor_apply(nets, c)
    step = functools.partial(
      ppo_step,
      tx=nets.actor_tx,
      apply=apply,
      num_micro=a.micro_batches,
      normalize_minibatch=self.norm == "minibatch",
      use_ref=self.use_ref,
      trainable=compiled.trainable_mask(nets),
      clip_eps=float(a.clip_eps),
      value_coef=float(a.value_coef),
      value_clip=float(_algo(c, "value_clip")),
      entropy_coef=float(a.entropy_coef),
    )
    self.step = compiled.under_mesh(
      jax.jit(step, donate_argnums=(0,), out_shardings=(nets.actor_sh, None)), nets.mesh
    )
    stats = functools.partial(ppo_losses.token_stats, apply=apply, use_ref=self.use_ref)
    self.stats = compiled.under_mesh(jax.jit(stats), nets.mesh)
    self.gae = jax.jit(
      functools.partial(
        advantages,
        normalize_batch=self.norm == "batch",
        gamma=float(a.gamma),
        lam=float(_algo(c, "gae_lambda")),
        token_gamma=float(_algo(c, "token_gamma")),
      )
    )

  # ---- data ---------------------------------------------------------------------------
  def buffer_capacity(self) -> int:
    """One iteration's turns at most: rollout_size full-length episodes."""
    return int(self.config.train.rollout_size * self.config.env.max_turns)

  def row_spec(self) -> dict:
    c = self.config.actor
    lo, la = c.obs_len, c.max_new_tokens
    i32, b = np.int32, np.bool_
    return {
      "a_obs": ((lo,), i32),
      "a_obs_mask": ((lo,), b),
      "a_act": ((la,), i32),
      "a_act_mask": ((la,), b),
      "a_next_obs": ((lo,), i32),
      "a_next_obs_mask": ((lo,), b),
      "reward": ((), np.float32),
      "done": ((), b),
      "last": ((), b),
      "episode": ((), np.int64),
      "turn": ((), i32),
      "iteration": ((), i32),
    }

  def rows(self, state, roll, it: int) -> dict:
    """The actor's view of each turn, the next observation (for a truncated episode's
    bootstrap), reward, done, the turn's index in its episode and whether it is the
    episode's last stored turn."""
    out = self.ctx.batches.actor_rows(roll)
    out["a_next_obs"], out["a_next_obs_mask"] = pad_left(
      roll.next_obs_ids, self.config.actor.obs_len, self.ctx.batches.actor_pad
    )
    ep = np.asarray(roll.episode, np.int64)
    turn, count = np.zeros(len(ep), np.int32), {}
    for i, e in enumerate(ep):  # transitions are in turn order within each episode
      turn[i], count[e] = count.get(e, 0), count.get(e, 0) + 1
    out["turn"] = turn
    out["last"] = turn == np.array([count[e] - 1 for e in ep], np.int32)
    out["reward"] = np.asarray(roll.reward, np.float32)
    out["done"] = np.asarray(roll.done, bool)
    out["episode"] = it * EPISODE_STRIDE + ep
    out["iteration"] = np.full(len(ep), it, np.int32)
    return out

  def iteration_rows(self, buffer, it: int) -> dict:
    """The rows collected in iteration `it`, ordered by (episode, turn)."""
    n = len(buffer)
    fresh = np.flatnonzero(buffer.data["iteration"][:n] == it)
    d = buffer.data
    order = fresh[np.lexsort((d["turn"][fresh], d["episode"][fresh]))]
    return {k: v[order] for k, v in d.items()}

  # ---- update -------------------------------------------------------------------------
  def programs(self, state):
    """The PPO minibatch step and the behaviour statistics (old log-probs, values, KL to
    the reference), both at `algo.batch_size` turns."""
    b, la = int(self.config.algo.batch_size), int(self.config.actor.max_new_tokens)
    rows = example_rows(self.ctx, self.row_spec(), b)
    tokens = np.zeros((b, la), np.float32)
    view = {"obs": rows["a_obs"], "obs_mask": rows["a_obs_mask"]}
    view.update(act=rows["a_act"], act_mask=rows["a_act_mask"])
    batch = dict(view, old_logp=tokens, old_values=tokens, advantage=tokens, returns=tokens)
    batch["valid"] = np.ones(b, np.float32)
    beta = np.asarray(self.config.algo.kl_coef, np.float32)
    return [  # (GAE, on one device over [capacity, La] floats, is left out)
      ("ppo", self.step, (state.actor, batch, state.ref, beta)),
      ("stats", self.stats, (state.actor.params, view, state.ref)),
    ]

  def _chunks(self, n: int):
    """Fixed-size index chunks [B] covering 0..n-1 (the last padded with 0) and their
    valid masks."""
    b = int(self.config.algo.batch_size)
    for s in range(0, n, b):
      idx = np.arange(s, min(s + b, n))
      valid = np.zeros(b, np.float32)
      valid[: len(idx)] = 1.0
      yield np.concatenate([idx, np.zeros(b - len(idx), idx.dtype)]), valid

  def behaviour(self, state, rows) -> dict:
    """Old log-probs, values and token KL to the reference of every row [n, La], and
    V(s') [n] of the rows whose episode is cut short (last and not done; 0 elsewhere)."""
    ctx, n = self.ctx, len(rows["a_obs"])
    parts = []
    for idx, _ in self._chunks(n):
      batch = {
        "obs": rows["a_obs"][idx],
        "obs_mask": rows["a_obs_mask"][idx],
        "act": rows["a_act"][idx],
        "act_mask": rows["a_act_mask"][idx],
      }
      parts.append(self.stats(state.actor.params, ctx.global_batch(batch), state.ref))
    host = to_host(parts)
    out = {k: np.concatenate([p[k] for p in host])[:n] for k in ("logp", "values", "kl")}
    out["bootstrap"] = np.zeros(n, np.float32)
    cut = np.flatnonzero(rows["last"] & ~rows["done"])
    if len(cut):
      la = rows["a_act"].shape[1]
      for idx, valid in self._chunks(len(cut)):
        sel = cut[idx]
        batch = {
          "obs": rows["a_next_obs"][sel],
          "obs_mask": rows["a_next_obs_mask"][sel],
          "act": np.zeros((len(sel), la), np.int32),
          "act_mask": np.zeros((len(sel), la), bool),
        }
        v = to_host(self.stats(state.actor.params, ctx.global_batch(batch), state.ref))
        keep = valid > 0
        out["bootstrap"][sel[keep]] = v["values"][keep, 0]
    return out

  def kl_coef(self, state, kl: float):
    """(beta for this iteration's epochs, the state holding it): the adaptive update from
    the stored beta when kl_target > 0 and the policy has been updated before; the fixed
    algo.kl_coef otherwise."""
    if "kl_coef" not in state.algo:
      return np.float32(self.config.algo.kl_coef), state
    beta = np.float32(state.algo["kl_coef"])
    if int(state.actor.step) > 0:
      beta = ppo_losses.adapt_kl_coef(beta, kl, self.kl_target)
    return beta, state.replace(algo=dict(state.algo, kl_coef=np.asarray(beta, np.float32)))

  def update(self, state, buffer, it: int):
    rows = self.iteration_rows(buffer, it)
    n = len(rows["a_obs"])
    if n == 0:
      return state, {}
    ctx = self.ctx
    old = self.behaviour(state, rows)
    mask = rows["a_act_mask"]
    tokens = max(int(mask.sum()), 1)
    kl_ref = float(np.sum(mask * old["kl"]) / tokens)
    beta, state = self.kl_coef(state, kl_ref)

    cap = self.buffer_capacity()  # fixed GAE shape: the iteration's rows padded to capacity

    def padded(x, fill=0):
      return np.concatenate([x, np.full((cap - n, *x.shape[1:]), fill, x.dtype)])

    gae = to_host(
      self.gae(
        padded(old["values"]),
        padded(mask, False),
        padded(rows["reward"]),
        padded(rows["done"], True),
        padded(rows["last"], True),
        padded(old["bootstrap"]),
      )
    )
    data = {
      "obs": rows["a_obs"],
      "obs_mask": rows["a_obs_mask"],
      "act": rows["a_act"],
      "act_mask": mask,
      "old_logp": old["logp"],
      "old_values": old["values"],
      "advantage": gae["advantage"][:n],
      "returns": gae["returns"][:n],
    }
    actor, ms = state.actor, []
    b = int(self.config.algo.batch_size)
    per_epoch = -(-n // b)
    with ctx.progress.phase("ppo", self.epochs * per_epoch) as p:
      for e in range(self.epochs):
        _, rng = ctx.streams(it, EPOCH + e)
        perm = rng.permutation(n)
        for idx, valid in self._chunks(n):
          sel = perm[idx]
          batch = {k: v[sel] for k, v in data.items()}
          batch["valid"] = valid
          actor, m = self.step(
            actor, ctx.global_batch(batch), state.ref, np.asarray(beta, np.float32)
          )
          ms.append(m)
          p.update()
      metrics = mean_metrics(ms)  # waits for the steps: the phase's time is their compute
    ret, val = gae["returns"][:n], old["values"]
    resid = np.where(mask, ret - val, 0.0)
    var = lambda x: float(np.sum(mask * (x - np.sum(mask * x) / tokens) ** 2) / tokens)
    metrics.update(
      ppo_turns=float(n),
      ppo_tokens=float(tokens),
      advantage_mean=float(gae["raw_advantage_mean"]),
      return_mean=float(np.sum(mask * ret) / tokens),
      value_mean=float(np.sum(mask * val) / tokens),
      explained_variance=1.0 - var(resid) / max(var(ret), 1e-8),
    )
    if self.use_ref:
      metrics.update(kl_ref=kl_ref, kl_coef=float(beta))
    return state.replace(actor=actor), metrics

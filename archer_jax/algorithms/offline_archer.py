"""Offline ArCHer (spec §5) and the ablations of its offline table, from the offline dataset
alone: the utterance-level double critic trained on dataset transitions (`algo.critic_target`:
"iql", V regressed onto min(Qbar1, Qbar2)(s, a_data) with the expectile `algo.expectile`, or
"sarsa", the same with the MSE) and the token-level actor (`algo.actor_loss`: "awr", BC on
the dataset actions weighted by min(exp(awr_beta * A), awr_max_weight); or "reinforce",
ArCHer's policy gradient on the policy's own samples, plus `algo.bc_coef` x BC on the dataset
actions). Per iteration: `critic_steps` critic steps, then (after `warmup_iters`)
`actor_steps` actor steps, each on fresh dataset samples.

| variant | critic_target | actor_loss | bc_coef |
|---|---|---|---|
| IQL + AWR (offline ArCHer) | iql | awr | 0 |
| SARSA + AWR | sarsa | awr | 0 |
| IQL + REINFORCE | iql | reinforce | 0 |
| IQL + REINFORCE + BC | iql | reinforce | > 0 |
"""

from __future__ import annotations

import functools

import jax

from archer_jax.algorithms import compiled, offline_losses
from archer_jax.algorithms.context import actor_steps, critic_steps, example_rows, policy_batch
from archer_jax.algorithms.offline import OfflineAlgorithm
from archer_jax.algorithms.registry import register

CRITIC = 2  # stream purposes (see rl_state.streams)
ACTOR = 3  # + step index


@register
class OfflineArCHer(OfflineAlgorithm):
  name = "offline_archer"
  description = "offline: IQL / SARSA utterance critic + AWR / REINFORCE(+BC) actor"

  @classmethod
  def needs(cls, config):
    from archer_jax.training.builder import Needs

    reinforce = config.algo.actor_loss == "reinforce"  # the policy-gradient options apply
    return Needs(
      critic=True,
      value_head=reinforce and bool(config.algo.baseline),
      reference=reinforce and bool(config.algo.kl_coef),
    )

  @classmethod
  def policy_gradient(cls, config) -> bool:
    return config.algo.actor_loss == "reinforce"

  @classmethod
  def check(cls, config) -> None:
    from archer_jax.training.validate import ConfigError

    super().check(config)
    a = config.algo
    if a.critic_target not in offline_losses.CRITIC_TARGETS:
      raise ConfigError(
        f"config.algo.critic_target: must be one of {offline_losses.CRITIC_TARGETS}, "
        f"got {a.critic_target!r}"
      )
    if a.actor_loss not in offline_losses.ACTOR_LOSSES:
      raise ConfigError(
        f"config.algo.actor_loss: must be one of {offline_losses.ACTOR_LOSSES}, "
        f"got {a.actor_loss!r}"
      )
    if not a.awr_beta >= 0:
      raise ConfigError(f"config.algo.awr_beta: must be >= 0, got {a.awr_beta!r}")
    if not a.awr_max_weight > 0:
      raise ConfigError(f"config.algo.awr_max_weight: must be > 0, got {a.awr_max_weight!r}")
    if not a.bc_coef >= 0:
      raise ConfigError(f"config.algo.bc_coef: must be >= 0, got {a.bc_coef!r}")

  def __init__(self, ctx):
    super().__init__(ctx)
    nets, a = ctx.nets, self.config.algo
    embed, heads, embed_act = compiled.critic_fns(nets)
    self.critic_step = compiled.critic_update(
      nets,
      self.config,
      loss=offline_losses.offline_critic_loss,
      critic_target=a.critic_target,
      expectile=a.expectile,
    )
    self.awr = a.actor_loss == "awr"
    self.bc_coef = float(a.bc_coef)
    crit = dict(embed=embed, heads=heads, embed_act=embed_act)
    crit["trainable"] = compiled.trainable_mask(nets)  # LoRA: adapter gradients only
    apply = compiled.actor_apply(nets, self.config)
    if self.awr:
      actor = functools.partial(
        offline_losses.awr_step,
        tx=nets.actor_tx,
        apply=apply,
        beta=float(a.awr_beta),
        max_weight=float(a.awr_max_weight),
        num_micro=a.micro_batches,
        **crit,
      )
    elif self.bc_coef:
      actor = functools.partial(
        offline_losses.reinforce_bc_step,
        tx=nets.actor_tx,
        apply=apply,
        bc_coef=self.bc_coef,
        **crit,
        **compiled.policy_kw(self.config),
      )
    else:  # plain REINFORCE: ArCHer's own policy step
      actor = None
      self.actor_step = compiled.actor_update(nets, self.config)
    if actor is not None:
      self.actor_step = compiled.under_mesh(
        jax.jit(actor, donate_argnums=(0,), out_shardings=(nets.actor_sh, None)), nets.mesh
      )

  def update(self, state, buffer, it: int):
    a = self.config.algo
    state, metrics = self.critic_phase(state, buffer, it)
    if it >= a.warmup_iters and a.actor_steps:
      state, m = self.actor_phase(state, buffer, it)
      metrics.update(m)
    return state, metrics

  def critic_phase(self, state, buffer, it: int):
    """`algo.critic_steps` critic updates, each on `batch_size` fresh dataset transitions."""
    ctx, steps = self.ctx, self.config.algo.critic_steps
    if steps == 0:
      return state, {}
    rows = buffer.sample(ctx.shard_rngs(it, CRITIC), steps * self.config.algo.batch_size)
    return critic_steps(ctx, self.critic_step, state, rows, steps)

  def actor_phase(self, state, buffer, it: int):
    """`algo.actor_steps` policy steps, each on fresh dataset rows (REINFORCE: and fresh
    a_pi samples of their states)."""
    ctx = self.ctx

    def update(actor, key, rows):
      if not self.awr:  # REINFORCE: a_pi of the rows' states
        rows.update(ctx.sample_pi(state.replace(actor=actor), key, rows))
      return self.actor_step(*self.actor_args(state, actor, ctx.device_batch(self.batch(rows))))

    return actor_steps(ctx, state, buffer, it, self.config.algo.actor_steps, ACTOR, update)

  def batch(self, rows) -> dict:
    """Dataset rows (REINFORCE: with their a_pi fields) -> the actor step's host batch. AWR:
    {"critic": the data actions' critic view, "actor": the BC layout}; REINFORCE:
    `policy_batch` (+ "data": the BC layout when bc_coef > 0)."""
    ctx = self.ctx
    if self.awr:
      crit = ctx.batches.critic_batch(rows)
      return {
        "critic": {k: crit[k] for k in ("obs", "obs_mask", "act", "act_mask")},
        "actor": ctx.batches.bc_batch(rows),
      }
    batch = policy_batch(ctx, rows)
    if self.bc_coef:
      batch["data"] = ctx.batches.bc_batch(rows)
    return batch

  def actor_args(self, state, actor, batch) -> tuple:
    """The actor step's arguments (REINFORCE also takes the reference policy)."""
    critic = state.critic.params
    return (actor, critic, batch) if self.awr else (actor, critic, batch, state.ref)

  def programs(self, state):
    """The critic step on dataset transitions and the actor step, at `algo.batch_size`."""
    ctx, b = self.ctx, int(self.config.algo.batch_size)
    rows = example_rows(ctx, self.row_spec(), b)
    out = [
      ("critic", self.critic_step, (state.critic, state.target, ctx.batches.critic_batch(rows)))
    ]
    if self.config.algo.actor_steps:
      rows = example_rows(ctx, self.row_spec(), b, pi=0 if self.awr else 1)
      out.append(("actor", self.actor_step, self.actor_args(state, state.actor, self.batch(rows))))
    return out

"""ArCHer (spec §2-§3): an off-policy utterance-level double critic trained by Bellman
backups with a Polyak target, and a token-level policy gradient weighted by the critic's
advantage (optionally with the token-level value baseline, `algo.baseline`)."""

from __future__ import annotations

from archer_jax.algorithms import compiled
from archer_jax.algorithms.context import (
  actor_steps,
  critic_steps,
  example_rows,
  pi_batch,
  policy_batch,
)
from archer_jax.algorithms.registry import Algorithm, register

CRITIC, WARM_CRITIC = 2, 1_000_033  # stream purposes (see rl_state.streams)
ACTOR = 3  # + step index


@register
class ArCHer(Algorithm):
  name = "archer"
  description = "off-policy utterance critic + token-level advantage-weighted policy gradient"
  num_candidates = 1  # a_pi samples per state in the critic's V target

  def __init__(self, ctx):
    super().__init__(ctx)
    self.critic_step = compiled.critic_update(ctx.nets, self.config, self.num_candidates)
    self.actor_step = compiled.actor_update(ctx.nets, self.config)

  def pretrain(self, state, buffer):
    """`bc.critic_steps` critic updates on the demonstrations, a_pi from the BC policy."""
    steps = int(self.config.bc.critic_steps)
    return self.critic_phase(state, buffer, 0, WARM_CRITIC, steps)

  def update(self, state, buffer, it: int):
    a = self.config.algo
    state, metrics = self.critic_phase(state, buffer, it, CRITIC, a.critic_steps)
    if it >= a.warmup_iters and a.actor_steps:
      state, m = self.actor_phase(state, buffer, it)
      metrics.update(m)
    return state, metrics

  def critic_phase(self, state, buffer, it: int, what: int, steps: int):
    """`steps` critic updates on fresh buffer samples (streams (it, what)); all their a_pi
    are sampled up front in large batches (the actor is fixed during the phase)."""
    if steps == 0 or len(buffer) == 0:
      return state, {}
    ctx = self.ctx
    key, _ = ctx.streams(it, what)
    rows = buffer.sample(ctx.shard_rngs(it, what), steps * self.config.algo.batch_size)
    rows.update(ctx.sample_pi(state, key, rows, self.num_candidates, report=True))
    return critic_steps(ctx, self.critic_step, state, rows, steps)

  def actor_phase(self, state, buffer, it: int):
    """`algo.actor_steps` policy steps, each on fresh buffer rows and fresh a_pi."""
    ctx = self.ctx

    def update(actor, key, rows):
      batch = pi_batch(ctx, state.replace(actor=actor), key, rows)
      return self.actor_step(actor, state.critic.params, ctx.device_batch(batch), state.ref)

    return actor_steps(ctx, state, buffer, it, self.config.algo.actor_steps, ACTOR, update)

  def programs(self, state):
    """The critic step at `algo.batch_size` rows with `num_candidates` a_pi each, and the
    policy step (when `algo.actor_steps` > 0)."""
    ctx, b = self.ctx, int(self.config.algo.batch_size)
    rows = example_rows(ctx, self.row_spec(), b, pi=self.num_candidates)
    out = [
      ("critic", self.critic_step, (state.critic, state.target, ctx.batches.critic_batch(rows)))
    ]
    if self.config.algo.actor_steps:
      batch = policy_batch(ctx, example_rows(ctx, self.row_spec(), b, pi=1))
      out.append(("actor", self.actor_step, (state.actor, state.critic.params, batch, state.ref)))
    return out

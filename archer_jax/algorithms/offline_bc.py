"""Offline behaviour cloning (spec §5): `offline_bc` does SFT on every turn of the offline
dataset; `offline_filtered_bc` on the turns of the episodes whose return is at or above the
`algo.filter_quantile` quantile of the dataset's returns (0.9: the top 10%; ties at the
threshold kept). `algo.actor_steps` BC steps per iteration; no critic."""

from __future__ import annotations

import numpy as np

from archer_jax.algorithms import compiled
from archer_jax.algorithms.context import bc_steps, example_rows
from archer_jax.algorithms.filtered_bc import episode_row_spec, kept_rows_per_shard
from archer_jax.algorithms.offline import OfflineAlgorithm
from archer_jax.algorithms.offline_losses import top_episodes
from archer_jax.algorithms.registry import register

STEP = 3  # stream purpose + step index (as ArCHer's actor steps)


@register
class OfflineBC(OfflineAlgorithm):
  name = "offline_bc"
  description = "offline: BC on every turn of the offline dataset"

  @classmethod
  def needs(cls, config):
    from archer_jax.training.builder import Needs

    return Needs(critic=False, value_head=False, reference=False)

  @classmethod
  def policy_gradient(cls, config) -> bool:
    return False

  def __init__(self, ctx):
    super().__init__(ctx)
    self.bc_step = compiled.bc_update(
      ctx.nets, self.config, tx=ctx.nets.actor_tx, num_micro=self.config.algo.micro_batches
    )
    self._kept = None  # (buffer size, kept row indices, kept episodes): a function of the buffer

  def row_spec(self) -> dict:
    return episode_row_spec(self.config)

  def rows(self, state, roll, it: int) -> dict:
    out = self.ctx.batches.actor_rows(roll)
    out["episode"] = roll.episode.astype(np.int64)
    out["episode_return"] = roll.episode_returns[roll.episode]
    return out

  def select(self, returns):
    """bool [E]: the episodes (by return) whose turns are cloned: all of them."""
    return np.ones(len(returns), bool)

  def kept_rows(self, buffer):
    """Row indices of the selected episodes' turns per local ring, and the numbers of kept
    episodes and turns (over all shards)."""
    n = len(buffer)
    if self._kept is None or self._kept[0] != n:
      kept = kept_rows_per_shard(self.ctx.shards, buffer, lambda r, _: self.select(r))
      self._kept = (n, kept)
    return self._kept[1]

  def programs(self, state):
    """The BC step on `algo.batch_size` dataset turns."""
    rows = example_rows(self.ctx, self.row_spec(), int(self.config.algo.batch_size))
    return [("bc", self.bc_step, (state.actor, self.ctx.batches.bc_batch(rows)))]

  def update(self, state, buffer, it: int):
    rows, episodes, turns = self.kept_rows(buffer)
    steps = self.config.algo.actor_steps
    actor, metrics = bc_steps(self.ctx, self.bc_step, state.actor, buffer, rows, it, steps, STEP)
    metrics.update(kept_episodes=float(episodes), kept_turns=float(turns))
    return state.replace(actor=actor), metrics


@register
class OfflineFilteredBC(OfflineBC):
  name = "offline_filtered_bc"
  description = "offline: BC on the dataset's episodes at or above a return quantile"

  @classmethod
  def check(cls, config) -> None:
    from archer_jax.training.validate import ConfigError

    super().check(config)
    q = config.algo.filter_quantile
    if not 0.0 <= q <= 1.0:
      raise ConfigError(f"config.algo.filter_quantile: must be in [0, 1], got {q!r}")

  def select(self, returns):
    return top_episodes(returns, float(self.config.algo.filter_quantile))

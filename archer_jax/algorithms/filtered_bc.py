"""Online filtered behaviour cloning (spec §5): each iteration keeps the episodes whose return
is at or above the `algo.filter_quantile` quantile (0.9: the 90th percentile) among the
episodes of the last `algo.filter_window` iterations, and runs `algo.actor_steps` BC steps
on their turns. No critic."""

from __future__ import annotations

import numpy as np

from archer_jax.algorithms import compiled
from archer_jax.algorithms.context import bc_steps, example_rows
from archer_jax.algorithms.registry import Algorithm, register

STEP = 3  # stream purpose + step index (as ArCHer's actor steps)
EPISODE_STRIDE = 1_000_000  # global episode id = iteration * stride + index


def select_episodes(returns, iterations, it: int, window: int, quantile: float = 0.9):
  """bool [E]: the episodes of iterations (it - window, it] whose return is >= the `quantile`
  quantile (linear interpolation, as np.quantile) of the returns of those episodes; ties at
  the threshold are kept."""
  returns, iterations = np.asarray(returns, np.float64), np.asarray(iterations)
  recent = iterations > it - window
  if not recent.any():
    return recent
  return recent & (returns >= np.quantile(returns[recent], quantile))


def episode_row_spec(config) -> dict:
  """Buffer rows of BC on whole episodes: the actor's (obs, act) ids, the episode id and its
  return."""
  lo, la = config.actor.obs_len, config.actor.max_new_tokens
  return {
    "a_obs": ((lo,), np.int32),
    "a_obs_mask": ((lo,), np.bool_),
    "a_act": ((la,), np.int32),
    "a_act_mask": ((la,), np.bool_),
    "episode": ((), np.int64),
    "episode_return": ((), np.float32),
  }


def kept_rows_per_shard(shards, buffer, select) -> tuple[list[np.ndarray], int, int]:
  """The turns of the episodes `select` keeps, per local shard of the buffer.

  Each local ring's episodes (by "episode" id) give their first row's fields; the decision
  needs a global view, so every shard's per-episode returns, iterations and lengths are
  gathered in one `Shards.gather` (shard order) and select(returns, iterations) -> bool [E]
  runs on all of them. Returns (row indices of the kept turns in each local ring, kept
  episodes over all shards, kept turns over all shards)."""
  per = []
  for part in buffer.parts:
    d = {k: part.data[k][: len(part)] for k in ("episode", "episode_return")}
    it = part.data["iteration"][: len(part)] if "iteration" in part.data else None
    ids, first, counts = np.unique(d["episode"], return_index=True, return_counts=True)
    iters = it[first] if it is not None else np.zeros(len(ids))
    per.append((d["episode"], ids, d["episode_return"][first], iters, counts))
  got = shards.gather([np.concatenate(p[2:]).astype(np.float64) for p in per])
  thirds = [np.split(g, 3) for g in got]  # each shard's returns, iterations, lengths
  returns, iterations, lengths = (np.concatenate([t[j] for t in thirds]) for j in range(3))
  keep = np.asarray(select(returns, iterations.astype(np.int64)))
  bounds = np.cumsum([0] + [len(g) // 3 for g in got])
  rows = []
  for s, (episode, ids, *_rest) in zip(shards.local, per, strict=True):
    mine = keep[bounds[s] : bounds[s + 1]]
    rows.append(np.flatnonzero(np.isin(episode, ids[mine])))
  return rows, int(keep.sum()), int(lengths[keep].sum())


@register
class FilteredBC(Algorithm):
  name = "filtered_bc"
  description = "BC on the top episodes by return within a window of recent rollouts"

  @classmethod
  def needs(cls, config):
    from archer_jax.training.builder import Needs

    return Needs(critic=False, value_head=False, reference=False)

  @classmethod
  def policy_gradient(cls, config) -> bool:
    return False

  @classmethod
  def check(cls, config) -> None:
    from archer_jax.training.validate import ConfigError

    w, q = config.algo.get("filter_window", 4), config.algo.get("filter_quantile", 0.9)
    if not isinstance(w, int) or w < 1:
      raise ConfigError(f"config.algo.filter_window: must be an integer >= 1, got {w!r}")
    if not 0.0 <= q <= 1.0:
      raise ConfigError(f"config.algo.filter_quantile: must be in [0, 1], got {q!r}")

  def __init__(self, ctx):
    super().__init__(ctx)
    a = self.config.algo
    self.window = int(a.get("filter_window", 4))
    self.quantile = float(a.get("filter_quantile", 0.9))
    self.bc_step = compiled.bc_update(
      ctx.nets, self.config, tx=ctx.nets.actor_tx, num_micro=a.micro_batches
    )

  def buffer_capacity(self) -> int:
    """Enough rows for `filter_window` iterations of full-length episodes."""
    t = self.config.train
    return self.window * t.rollout_size * self.config.env.max_turns

  def row_spec(self) -> dict:
    return {**episode_row_spec(self.config), "iteration": ((), np.int32)}

  def rows(self, state, roll, it: int) -> dict:
    out = self.ctx.batches.actor_rows(roll)
    out["episode"] = it * EPISODE_STRIDE + roll.episode.astype(np.int64)
    out["episode_return"] = roll.episode_returns[roll.episode]
    out["iteration"] = np.full(len(roll.episode), it, np.int32)
    return out

  def kept_rows(self, buffer, it: int):
    """Row indices of the selected episodes' turns per local ring, and the numbers of kept
    episodes and turns (over all shards)."""
    return kept_rows_per_shard(
      self.ctx.shards,
      buffer,
      lambda returns, iterations: select_episodes(
        returns, iterations, it, self.window, self.quantile
      ),
    )

  def programs(self, state):
    """The BC step on `algo.batch_size` kept turns."""
    rows = example_rows(self.ctx, self.row_spec(), int(self.config.algo.batch_size))
    return [("bc", self.bc_step, (state.actor, self.ctx.batches.bc_batch(rows)))]

  def update(self, state, buffer, it: int):
    rows, episodes, turns = self.kept_rows(buffer, it)
    if not turns:
      return state, {"kept_episodes": 0.0}
    steps = self.config.algo.actor_steps
    actor, metrics = bc_steps(self.ctx, self.bc_step, state.actor, buffer, rows, it, steps, STEP)
    metrics.update(kept_episodes=float(episodes), kept_turns=float(turns))
    return state.replace(actor=actor), metrics

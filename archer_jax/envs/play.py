"""`play`: lock-step batches of episodes of any env by scripted players (demonstrations)."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv, Trajectory


def play(
  env: BatchedEnv,
  make_player: Callable[[np.random.Generator], Any],
  seed: int = 0,
  indices: Sequence[int] | None = None,
) -> list[Trajectory]:
  """One lock-step batch of episodes, one player per row (player i gets rng [seed, i]).

  A player has `reset()` and `act(observation) -> action`."""
  players = [make_player(np.random.default_rng([seed, i])) for i in range(env.batch_size)]
  obs = env.reset(seeds=[seed * 100_003 + i for i in range(env.batch_size)], indices=indices)
  for p in players:
    p.reset()
  while not env.dones.all():
    done = env.dones
    acts = ["" if done[i] else players[i].act(obs[i]) for i in range(env.batch_size)]
    obs, _, _, _ = env.step(acts)
  return env.trajectories()

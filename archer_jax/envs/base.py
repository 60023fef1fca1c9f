"""The batched multi-turn text-environment interface.

A task is written as a subclass of `BatchedEnv` that implements two per-row hooks:

    class MyEnv(BatchedEnv):
        def _reset_row(self, row, rng, index) -> str: ...            # new episode, first obs
        def _step_row(self, row, action) -> tuple[str, float, bool, dict]: ...

Environments whose turns are cheaper in batches (a model-backed oracle answering many
questions at once) override `_step_rows` instead. The base class owns everything else:
seeding, the per-episode turn cap, finished rows that stay finished and cost nothing,
action sanitising, and the trajectory records the replay buffer consumes.
"""

from __future__ import annotations

import abc
import dataclasses
import math
from typing import Any, Hashable, Sequence

import numpy as np

MAX_ACTION_CHARS = 1000


@dataclasses.dataclass
class Turn:
  observation: str
  action: str
  reward: float
  done: bool
  next_observation: str


@dataclasses.dataclass
class Trajectory:
  turns: list[Turn] = dataclasses.field(default_factory=list)
  info: dict[str, Any] = dataclasses.field(default_factory=dict)

  @property
  def episode_return(self) -> float:
    return float(sum(t.reward for t in self.turns))

  def __len__(self) -> int:
    return len(self.turns)


# C0 controls but tab and newline, DEL, C1 controls: a NUL or an escape sequence would reach
# the observations (and the terminal, and interpreters that stop at a NUL) unchanged.
_CONTROL_CHARS = dict.fromkeys(
  c for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n"
)


def text_key(action: str) -> str:
  """An action's text with whitespace collapsed and case folded (`BatchedEnv.action_key`'s
  default)."""
  return " ".join(str(action).split()).casefold()


def sanitize_action(action: Any) -> str:
  """Any action becomes a bounded `str` without control characters (newline and tab stay);
  envs then judge it (garbage gets the invalid answer)."""
  if isinstance(action, bytes):
    action = action.decode("utf-8", errors="replace")
  if not isinstance(action, str):
    action = "" if action is None else str(action)
  if not action.isprintable():  # (the common case, printable text, skips the translation)
    action = action.translate(_CONTROL_CHARS)
  return action[:MAX_ACTION_CHARS]


class BatchedEnv(abc.ABC):
  """`batch_size` independent episodes advanced in lock-step.

  reset(seeds=None, indices=None) -> observations: list[str] of length batch_size
  step(actions) -> (observations, rewards float32[B], dones bool[B], infos list[dict])

  Rows that are already done ignore their action, return reward 0 and keep their last
  observation; `_step_row` is never called for them. An episode that reaches `max_turns`
  is ended with `info["truncated"] = True`.
  """

  def __init__(self, batch_size: int, max_turns: int, seed: int = 0):
    if batch_size <= 0:
      raise ValueError(f"batch_size must be positive, got {batch_size}")
    if max_turns <= 0:
      raise ValueError(f"max_turns must be positive, got {max_turns}")
    self.batch_size = batch_size
    self.max_turns = max_turns
    self._seed_rng = np.random.default_rng(seed)
    self._obs: list[str] = [""] * batch_size
    self._dones = np.ones(batch_size, dtype=bool)
    self._turns = [0] * batch_size
    self._trajs: list[Trajectory] = [Trajectory() for _ in range(batch_size)]

  @property
  def num_tasks(self) -> int | None:
    """How many distinct tasks `reset(indices=...)` can pick (None: tasks are drawn from
    an open-ended space). Evaluation cycles through them so every task weighs the same."""
    return None

  # ---- hooks for subclasses ---------------------------------------------------------
  @abc.abstractmethod
  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    """Start a new episode in `row` (task `index` if given, else drawn with `rng`)."""

  def _step_row(self, row: int, action: str) -> tuple[str, float, bool, dict]:
    raise NotImplementedError

  def _step_rows(
    self, rows: Sequence[int], actions: Sequence[str]
  ) -> list[tuple[str, float, bool, dict]]:
    """Advance the active `rows`; default: one `_step_row` each."""
    return [self._step_row(r, a) for r, a in zip(rows, actions, strict=True)]

  # ---- public API -------------------------------------------------------------------
  def reset(
    self, seeds: Sequence[int] | None = None, indices: Sequence[int] | None = None
  ) -> list[str]:
    if seeds is None:
      seeds = self._seed_rng.integers(0, 2**31 - 1, size=self.batch_size).tolist()
    if len(seeds) != self.batch_size:
      raise ValueError(f"reset: got {len(seeds)} seeds for batch_size {self.batch_size}")
    if indices is not None and len(indices) != self.batch_size:
      raise ValueError(f"reset: got {len(indices)} indices for batch_size {self.batch_size}")
    for row in range(self.batch_size):
      rng = np.random.default_rng(int(seeds[row]))
      index = None if indices is None else int(indices[row])
      self._obs[row] = self._reset_row(row, rng, index)
      self._trajs[row] = Trajectory(info={"seed": int(seeds[row]), "index": index})
    self._dones[:] = False
    self._turns = [0] * self.batch_size
    return list(self._obs)

  def step(self, actions: Sequence[Any]) -> tuple[list[str], np.ndarray, np.ndarray, list[dict]]:
    if len(actions) != self.batch_size:
      raise ValueError(f"step: got {len(actions)} actions for batch_size {self.batch_size}")
    rewards = np.zeros(self.batch_size, dtype=np.float32)
    infos: list[dict] = [{} for _ in range(self.batch_size)]
    rows = np.flatnonzero(~self._dones).tolist()
    acts = [sanitize_action(actions[r]) for r in rows]
    results = self._step_rows(rows, acts) if rows else []
    if len(results) != len(rows):
      raise RuntimeError(
        f"{type(self).__name__}._step_rows returned {len(results)} results for {len(rows)} rows"
      )
    # plain Python per row: numpy scalar reads and writes would cost more than the env's turn
    rews, turns, obs_now = [], self._turns, self._obs
    for r, a, (obs, rew, done, info) in zip(rows, acts, results, strict=True):
      rew = float(rew)
      if not math.isfinite(rew):
        raise RuntimeError(f"{type(self).__name__} returned a non-finite reward {rew} (row {r})")
      turns[r] += 1
      info = dict(info)
      done = bool(done)
      if not done and turns[r] >= self.max_turns:
        done = True
        info["truncated"] = True
      obs = str(obs)
      self._trajs[r].turns.append(Turn(obs_now[r], a, rew, done, obs))
      if done:  # the final step's info (won / victory / truncated ...) describes the episode
        self._trajs[r].info.update(info)
        self._dones[r] = True
      obs_now[r] = obs
      rews.append(rew)
      infos[r] = info
    if rows:
      rewards[rows] = rews
    return list(obs_now), rewards, self._dones.copy(), infos

  @property
  def dones(self) -> np.ndarray:
    return self._dones.copy()

  @property
  def observations(self) -> list[str]:
    return list(self._obs)

  def trajectories(self) -> list[Trajectory]:
    """The episodes of the last `reset`, as recorded so far (one per row)."""
    return list(self._trajs)

  def action_key(self, action: str) -> Hashable:
    """What makes two actions the same move in this task (`python -m archer_jax.evaluate`
    counts repeats by it): by default `text_key`, the text with whitespace collapsed and case
    folded."""
    return text_key(action)

  def informative(self, observation: str, action: str) -> bool | None:
    """Can `action`, taken at `observation`, still tell apart the outcomes the history left
    open (`python -m archer_jax.evaluate` counts the turns where it cannot)? None: this env
    does not know (the default)."""
    return None

  def close(self) -> None:  # noqa: B027 - an optional hook, not abstract
    """Release interpreters, sockets, ... (default: nothing)."""

"""`ScriptedAsker`: the skeleton of a scripted question-game player (demonstrations).

Each turn the player reads the transcript, keeps the secrets consistent with every answer
(`candidates`), then:

- guesses on the last turn or when one candidate is left;
- with probability 1 - `skill` plays a weak turn (`_weak_turn`: a random question, a question
  already answered in other words, or an early guess; with `reask=False` never a question
  already asked);
- otherwise guesses when two candidates are left, else asks the most informative question
  (`_best`, then `_ask`), or guesses when no question splits the candidates.

A game supplies `parse_history`, `candidates`, `guess_question`, `_ask`, `_best` and
`_weak_turn`. Every random choice uses `self.rng`, so a player is deterministic given its rng.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def keep_playing(alive: np.ndarray, guessed: np.ndarray) -> np.ndarray:
  """`alive`, or when the answers contradict the knowledge base (another oracle) and no
  candidate is left, every candidate not guessed yet (all of them if every one was)."""
  if alive.any():
    return alive
  return ~guessed if (~guessed).any() else np.ones(len(alive), bool)


class ScriptedAsker:
  """`act(observation) -> question`; `reset()` between episodes.

  rng: np.random.Generator or int seed. skill in [0, 1]: probability of a well-played turn.
  secrets: the candidates it considers, in the order of its masks. reask: whether a weak turn
  may repeat a question already asked (False: its questions are drawn among the others).
  """

  def __init__(
    self,
    rng,
    skill: float,
    max_turns: int,
    understander,
    secrets: Sequence[Any],
    reask: bool = True,
  ):
    if not 0.0 <= skill <= 1.0:
      raise ValueError(f"{type(self).__name__}: skill must be in [0, 1], got {skill}")
    self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    self.skill = float(skill)
    self.max_turns = int(max_turns)
    self.u = understander
    self.secrets = tuple(secrets)
    self.reask = bool(reask)

  def reset(self) -> None:
    """Nothing persists across turns except the rng, so there is nothing to clear."""

  # ---- the game's part ----------------------------------------------------------------------
  @staticmethod
  def parse_history(observation: str) -> list[tuple[str, str]]:
    raise NotImplementedError

  @staticmethod
  def guess_question(secret: Any, rng: np.random.Generator) -> str:
    raise NotImplementedError

  def candidates(self, history: Sequence[tuple[str, str]]) -> tuple[np.ndarray, set]:
    """Bool mask over `self.secrets` consistent with the answers, and what was asked."""
    raise NotImplementedError

  def _ask(self, i: int) -> str:
    raise NotImplementedError

  def _best(self, alive: np.ndarray, asked: set) -> int | None:
    """The question to ask (an index for `_ask`), or None when none splits `alive`."""
    raise NotImplementedError

  def _weak_turn(self, alive: np.ndarray, asked: set) -> str:
    raise NotImplementedError

  # ---- acting -------------------------------------------------------------------------------
  def _guess(self, alive: np.ndarray) -> str:
    idx = np.flatnonzero(alive)
    return self.guess_question(self.secrets[int(idx[int(self.rng.integers(len(idx)))])], self.rng)

  def act(self, observation: str) -> str:
    history = self.parse_history(observation)
    alive, asked = self.candidates(history)
    n = int(alive.sum())
    if len(history) >= self.max_turns - 1 or n == 1:
      return self._guess(alive)
    if self.rng.random() >= self.skill:
      return self._weak_turn(alive, asked)
    if n == 2:
      return self._guess(alive)
    i = self._best(alive, asked)
    return self._guess(alive) if i is None else self._ask(i)

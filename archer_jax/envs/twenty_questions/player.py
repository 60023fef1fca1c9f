"""A scripted Twenty Questions asker for demonstrations and sanity checks.

The player reads the question/answer lines of the observation, re-parses its own questions
with the understander and keeps the words consistent with every answer. With probability
`skill` a turn is played well: ask the attribute that splits the remaining candidates most
evenly (or guess when one or two are left). Otherwise it errs: asks a random attribute
(often uninformative), re-asks something already known in new words, or guesses too early.
Every attribute has several phrasings, so demonstrations are varied. Deterministic given rng.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from archer_jax.envs.play import play  # noqa: F401  (re-exported)
from archer_jax.envs.question_game import ScriptedAsker, history_lines, keep_playing
from archer_jax.envs.twenty_questions.knowledge import WordEntry, resolve_words
from archer_jax.envs.twenty_questions.questions import LADDER_TEMPLATES, RULES
from archer_jax.envs.twenty_questions.understander import (
  INVALID,
  NO,
  YES,
  Understander,
  get_understander,
)

_ANSWER_SUFFIXES = ((" " + YES, YES), (" " + NO, NO), (" " + INVALID, INVALID))
_MASS_NOUNS = frozenset("paper glue toothpaste spinach corn broccoli celery peas lego".split())
_GUESS_TEMPLATES = (
  "Is it {}?",
  "Is the object {}?",
  "Is it {}?",
  "Could it be {}?",
  "Is the hidden object {}?",
)


def parse_history(observation: str) -> list[tuple[str, str]]:
  """(question, answer) pairs from the last "Questions:" block of an observation."""
  out = []
  for line in history_lines(observation):
    for suffix, ans in _ANSWER_SUFFIXES:
      if line.endswith(suffix) or line == ans:
        out.append((line[: -len(suffix)] if line != ans else "", ans))
        break
    else:
      break
  return out


def _with_article(alias: str) -> str:
  low = alias if alias.isupper() else alias.lower()
  if low.startswith(("pair of", "piece of", "pack of", "bottle of")):
    return "a " + low
  if low in _MASS_NOUNS or (
    low.endswith("s") and not low.endswith("ss") and low != "bus" and low != "cactus"
  ):
    return low
  return ("an " if low[0] in "aeiou" else "a ") + low


def guess_question(word: WordEntry, rng: np.random.Generator, alias_prob: float = 0.2) -> str:
  """A name guess that ends with the word or one of its aliases: "Is it a soccer ball?"."""
  alias = word.name
  if len(word.aliases) > 1 and rng.random() < alias_prob:
    alias = word.aliases[int(rng.integers(len(word.aliases)))]
  t = _GUESS_TEMPLATES[int(rng.integers(len(_GUESS_TEMPLATES)))]
  return t.format(_with_article(alias))


class ScriptedPlayer(ScriptedAsker):
  """`act(observation) -> question`; `reset()` between episodes.

  rng: np.random.Generator or int seed. words: "full" | "subset" | list of names (the
  candidates it considers). skill in [0, 1]: probability of a well-played turn (1.0 wins
  the full game within 20 questions essentially always). reask: whether a weak turn may ask
  an attribute already asked.
  """

  parse_history = staticmethod(parse_history)
  guess_question = staticmethod(guess_question)

  def __init__(
    self,
    rng=None,
    words="full",
    skill: float = 0.5,
    max_turns: int = 20,
    understander: Understander | None = None,
    reask: bool = True,
  ):
    super().__init__(
      rng, skill, max_turns, understander or get_understander(), resolve_words(words), reask
    )
    self.words: tuple[WordEntry, ...] = self.secrets
    kb = self.u.kb
    self.cand_index = np.array([kb.index[w.name] for w in self.words])
    templates: dict[str, list[str]] = {}
    for key, _, _, temps in RULES:
      templates.setdefault(key, []).extend(temps)
    for key, temps in LADDER_TEMPLATES.items():
      templates.setdefault(key, []).extend(temps)
    self.keys = [k for k, t in templates.items() if t]
    self.templates = [tuple(templates[k]) for k in self.keys]
    self.matrix = np.stack([kb.attrs[k][self.cand_index] for k in self.keys])  # [A, W]
    self._key_row = {k: i for i, k in enumerate(self.keys)}
    self._ladder_rows = {i for i, k in enumerate(self.keys) if k in LADDER_TEMPLATES}

  # ---- state from the observation -----------------------------------------------------
  def candidates(self, history: Sequence[tuple[str, str]]) -> tuple[np.ndarray, set[int]]:
    """Bool mask over `self.words` consistent with the answers, and attribute rows asked."""
    alive, read = self.u.narrow(history, self.cand_index)
    asked: set[int] = set()
    guessed = np.zeros(len(self.words), bool)
    for p, a in read:
      if p.kind == "name" and a == NO:
        guessed |= p.mask[self.cand_index]
      row = self._row(p)
      if row is not None:
        asked.add(row)
    return keep_playing(alive, guessed), asked

  def _row(self, p) -> int | None:
    """The attribute row a parsed question asks: its key, or for a size / weight comparison
    ("bigger than a breadbox", "would it fit in a breadbox") the ladder row at its value."""
    if p.kind in ("size", "weight"):
      return self._key_row.get(f"{p.kind}_gt_{p.key.split('_', 1)[1]}")
    return self._key_row.get(p.key)

  # ---- acting -------------------------------------------------------------------------
  def _ask(self, row: int) -> str:
    """One phrasing of attribute row `row`."""
    temps = self.templates[row]
    return temps[int(self.rng.integers(len(temps)))]

  def _best(self, alive: np.ndarray, asked: set[int]) -> int | None:
    """The attribute that splits the candidates most evenly (ties broken at random)."""
    n = int(alive.sum())
    counts = self.matrix[:, alive].sum(1)
    useful = (counts > 0) & (counts < n)
    if not useful.any():
      return None
    score = np.where(useful, np.abs(counts - n / 2.0), np.inf)
    best = np.flatnonzero(score <= score.min() + 0.5)
    return int(best[int(self.rng.integers(len(best)))])

  def _weak_turn(self, alive: np.ndarray, asked: set[int]) -> str:
    """A random question (45%), an early guess (30%) or a question already asked (25%).
    With `reask=False` the random question is drawn among the attributes not asked yet
    and the re-ask becomes an early guess. The re-ask draws among the attribute rows asked,
    not the size / weight ladder's: the demonstrations every recorded result used."""
    r = self.rng.random()
    if r < 0.45:
      rows = (
        range(len(self.keys))
        if self.reask
        else [i for i in range(len(self.keys)) if i not in asked]
      )
      if rows:
        return self._ask(rows[int(self.rng.integers(len(rows)))])
      return self._guess(alive)
    again = sorted(asked - self._ladder_rows)
    if r < 0.75 or not again or not self.reask:
      return self._guess(alive)
    return self._ask(again[int(self.rng.integers(len(again)))])

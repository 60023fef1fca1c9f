"""Guess My City as a `BatchedEnv` (spec §6).

Each row hides one of the benchmark's 99 cities. The agent's action is a free-form question
(its question is extracted from any chatter, see `understander.extract_question`); the oracle
answers in a sentence that never names the city. The observation is "Questions:\\n" plus one
"<question> <answer>" line per turn, as in Twenty Questions. The episode ends with reward 0
when the question names the city (any alias, accent- and case-insensitive: "Is it Bogotá?",
"Is your city Mumbai?" for "bombay,india"); every other turn costs -1. Episodes are capped at
`max_turns` (20), so returns lie in [-20, 0]. Empty, over-long or letter-free questions get
`FALLBACK` without asking the oracle.
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv
from archer_jax.envs.guess_my_city.answers import FALLBACK
from archer_jax.envs.guess_my_city.cities import CITIES, City, city_index
from archer_jax.envs.guess_my_city.knowledge import get_kb
from archer_jax.envs.guess_my_city.oracles import BuiltinOracle, Oracle
from archer_jax.envs.guess_my_city.text import fold, norm
from archer_jax.envs.guess_my_city.understander import MAX_QUESTION_CHARS, extract_question
from archer_jax.envs.twenty_questions.prompts import INITIAL_OBSERVATION

WIN_ANSWER = "Yes, you guessed it: that is my city!"


def question_of(action: str) -> str:
  """The question an action asks, on one line."""
  return " ".join(extract_question(action).split())


def named_cities(question: str) -> set[int]:
  """Indices of the cities a question names: an alias as whole words (accent- and
  case-insensitive; the longest place name wins, so "El Salvador" does not name Salvador and
  "Santiago de Cali" names Cali, not Santiago; "the Paris of the East" names no city), or an
  upper-case short form such as "NYC"."""
  kb = get_kb()
  folded = fold(question)
  toks = norm(folded).split()
  out: set[int] = set()
  for a, b, es in kb.name_lexicon.scan(toks):
    if b < len(toks) and toks[b] == "of":
      continue
    for e in es:
      if e.kind == "city":
        out.add(int(np.flatnonzero(e.mask)[0]))
        break
  for i, c in enumerate(kb.cities):
    for a in c.exact_aliases:
      if re.search(rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])", folded):
        out.add(i)
  return out


def names_city(question: str, city: City | str) -> bool:
  """True if the question names `city` (a `City` or any name / key of one)."""
  i = city_index(city if isinstance(city, str) else city.key)
  return i in named_cities(question)


def is_garbage(question: str) -> bool:
  """Questions no oracle is asked about: empty, over-long, or without two letters."""
  if not question or len(question) > MAX_QUESTION_CHARS:
    return True
  return sum(ch.isalpha() for ch in fold(question)) < 2


def resolve_cities(cities) -> tuple[City, ...]:
  if cities in (None, "all", "full"):
    return CITIES
  if isinstance(cities, str):
    cities = [c.strip() for c in cities.split(";") if c.strip()]
  out = tuple(CITIES[city_index(c)] for c in cities)
  if not out:
    raise ValueError("GuessMyCityEnv: empty city list")
  return out


class GuessMyCityEnv(BatchedEnv):
  """Batched Guess My City.

  cities: "all" (the 99 benchmark cities) or a list of keys / names to draw from.
  oracle: anything with `answer_batch(city_keys, questions)`; default `BuiltinOracle()`.
  reset(indices=...) picks cities by position in `self.cities`; otherwise each row draws one
  with its seed. infos carry the secret `city` (data-file key), `won`, `question`, `answer`.
  """

  def __init__(self, batch_size: int = 1, max_turns: int = 20, seed: int = 0, cities="all",
               oracle: Oracle | None = None):
    super().__init__(batch_size, max_turns, seed)
    self.cities: tuple[City, ...] = resolve_cities(cities)
    self.oracle = oracle if oracle is not None else BuiltinOracle()
    self._secret: list[City | None] = [None] * batch_size
    self._history = [INITIAL_OBSERVATION] * batch_size
    self.oracle_calls = 0

  @property
  def num_tasks(self) -> int:
    return len(self.cities)

  @property
  def secret_cities(self) -> list[str | None]:
    """The data-file key of every row's secret city (None before the first reset)."""
    return [None if c is None else c.key for c in self._secret]

  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    n = len(self.cities)
    if index is None:
      index = int(rng.integers(n))
    elif not 0 <= index < n:
      raise IndexError(f"GuessMyCityEnv.reset: city index {index} outside [0, {n})")
    self._secret[row] = self.cities[index]
    self._history[row] = INITIAL_OBSERVATION
    return INITIAL_OBSERVATION

  def _step_rows(self, rows: Sequence[int], actions: Sequence[str]
                 ) -> list[tuple[str, float, bool, dict]]:
    questions = [question_of(a) for a in actions]
    answers = [FALLBACK] * len(rows)
    won = [False] * len(rows)
    ask = []
    for i, (row, q) in enumerate(zip(rows, questions)):
      if is_garbage(q):
        continue
      if names_city(q, self._secret[row]):
        won[i] = True
        answers[i] = WIN_ANSWER
      else:
        ask.append(i)
    if ask:
      self.oracle_calls += 1
      got = self.oracle.answer_batch([self._secret[rows[i]].key for i in ask],
                                     [questions[i] for i in ask])
      if len(got) != len(ask):
        raise RuntimeError(f"{type(self.oracle).__name__}.answer_batch returned {len(got)} "
                           f"answers for {len(ask)} questions")
      for i, a in zip(ask, got):
        a = " ".join(str(a).split()) if a else FALLBACK
        answers[i] = a
    out = []
    for i, (row, q, a) in enumerate(zip(rows, questions, answers)):
      city = self._secret[row]
      hist = self._history[row] + (f"{q} {a}\n" if q else f"{a}\n")
      self._history[row] = hist
      out.append((hist, 0.0 if won[i] else -1.0, won[i],
                  {"city": city.key, "won": won[i], "question": q, "answer": a}))
    return out

"""Guess My City as a question game (`question_game.QuestionGameEnv`, spec §6).

Each row hides one of the benchmark's 99 cities. The agent's action is a free-form question
(its question is extracted from any chatter, see `phrasing.extract_question`); the oracle
answers in a sentence that never names the city. The observation is "Questions:\\n" plus one
"<question> <answer>" line per turn, as in Twenty Questions. The episode ends with reward 0
when the question names the city (any alias, accent- and case-insensitive: "Is it Bogotá?",
"Is your city Mumbai?" for "bombay,india"); every other turn costs -1. Episodes are capped at
`max_turns` (20), so returns lie in [-20, 0]. Empty, over-long or letter-free questions get
`FALLBACK` without asking the oracle.
"""

from __future__ import annotations

import re

import numpy as np

from archer_jax.envs.guess_my_city.answers import FALLBACK, WIN_ANSWER
from archer_jax.envs.guess_my_city.cities import CITIES, City, city_index
from archer_jax.envs.guess_my_city.knowledge import get_kb
from archer_jax.envs.guess_my_city.oracles import BuiltinOracle, Oracle
from archer_jax.envs.guess_my_city.phrasing import MAX_QUESTION_CHARS, extract_question
from archer_jax.envs.guess_my_city.text import fold, norm
from archer_jax.envs.question_game import QuestionGameEnv


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
  for _, b, es in kb.name_lexicon.scan(toks):
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
  """ "all" | a ";"-separated string | a list of keys or names -> the `City` tuple."""
  if cities in (None, "all", "full"):
    return CITIES
  if isinstance(cities, str):
    cities = [c.strip() for c in cities.split(";") if c.strip()]
  out = tuple(CITIES[city_index(c)] for c in cities)
  if not out:
    raise ValueError("GuessMyCityEnv: empty city list")
  return out


class GuessMyCityEnv(QuestionGameEnv):
  """Batched Guess My City.

  cities: "all" (the 99 benchmark cities) or a list of keys / names to draw from.
  oracle: anything with `answer_batch(city_keys, questions)`; default `BuiltinOracle()`.
  reset(indices=...) picks cities by position in `self.cities`; otherwise each row draws one
  with its seed. infos carry the secret `city` (data-file key), `won`, `question`, `answer`.
  """

  secret_key = "city"
  garbage_answer = FALLBACK
  win_answer = WIN_ANSWER

  def __init__(
    self,
    batch_size: int = 1,
    max_turns: int = 20,
    seed: int = 0,
    cities="all",
    oracle: Oracle | None = None,
  ):
    super().__init__(
      batch_size,
      max_turns,
      seed,
      resolve_cities(cities),
      oracle if oracle is not None else BuiltinOracle(),
    )
    self.cities: tuple[City, ...] = self.secrets

  secret_cities = QuestionGameEnv.secret_ids  # the data-file keys

  _question_of = staticmethod(question_of)
  _is_garbage = staticmethod(is_garbage)
  _names_secret = staticmethod(names_city)

  def _secret_id(self, city: City) -> str:
    return city.key

  def _clean_answer(self, answer) -> str:
    return " ".join(str(answer).split()) if answer else FALLBACK

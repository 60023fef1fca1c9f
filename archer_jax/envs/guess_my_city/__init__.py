"""Guess My City (spec §6): the benchmark's 99 cities with their facts, a question
understander over them (the built-in oracle), an LM oracle, the batched env and a scripted
demonstrator. The env, oracle interfaces, scripted-player skeleton and parse cache are
`question_game`'s.

    countries, data_*, world   the data tables (countries, the 99 cities, places elsewhere)
    records, cities            the `City` record; the city table and lookups by name
    tags                       yes/no concepts (keyword trigger -> cities)
    lexicon, gazetteer         the phrase lexicon; the places and things it knows
    knowledge                  the knowledge base: truth masks and the lexicons
    phrasing, text             question words and chatter; accent folding
    understander               routing and open questions -> `parsed.Parsed`
    yesno, relations, patterns yes/no clauses; relations to named places; numbers and more
    answers                    the built-in oracle's sentences
    oracles, env, player       answerers, the batched game, the scripted asker
    dataset                    the public conversations file
"""

from __future__ import annotations

from archer_jax.envs.guess_my_city.answers import FALLBACK, REFUSE, reveals
from archer_jax.envs.guess_my_city.cities import CITIES, CITY_KEYS, City, city_index, get_city
from archer_jax.envs.guess_my_city.countries import COUNTRIES, OTHER_COUNTRIES, Country
from archer_jax.envs.guess_my_city.dataset import answer_polarity, load_conversations, split_turn
from archer_jax.envs.guess_my_city.env import (
  WIN_ANSWER,
  GuessMyCityEnv,
  is_garbage,
  named_cities,
  names_city,
  question_of,
)
from archer_jax.envs.guess_my_city.knowledge import KnowledgeBase, get_kb
from archer_jax.envs.guess_my_city.oracles import (
  LM_ORACLE_TEMPLATE,
  BuiltinOracle,
  LMOracle,
  Oracle,
  sampler_generate_fn,
)
from archer_jax.envs.guess_my_city.parsed import Parsed
from archer_jax.envs.guess_my_city.player import (
  ScriptedCityPlayer,
  guess_question,
  parse_history,
  play,
  question_pool,
)
from archer_jax.envs.guess_my_city.text import fold, norm
from archer_jax.envs.guess_my_city.understander import (
  Understander,
  extract_question,
  get_understander,
)

__all__ = [
  "FALLBACK",
  "REFUSE",
  "reveals",
  "CITIES",
  "CITY_KEYS",
  "City",
  "city_index",
  "get_city",
  "COUNTRIES",
  "OTHER_COUNTRIES",
  "Country",
  "answer_polarity",
  "load_conversations",
  "split_turn",
  "WIN_ANSWER",
  "GuessMyCityEnv",
  "is_garbage",
  "named_cities",
  "names_city",
  "question_of",
  "KnowledgeBase",
  "get_kb",
  "LM_ORACLE_TEMPLATE",
  "BuiltinOracle",
  "LMOracle",
  "Oracle",
  "sampler_generate_fn",
  "ScriptedCityPlayer",
  "guess_question",
  "parse_history",
  "play",
  "question_pool",
  "fold",
  "norm",
  "Parsed",
  "Understander",
  "extract_question",
  "get_understander",
]

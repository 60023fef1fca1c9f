"""A scripted Guess My City asker for demonstrations and sanity checks.

The player asks from a fixed pool of questions (yes/no questions about continents, regions,
countries, capitals, coasts, climate, population, what the city is known for ..., and open
questions about climate, language, population, food, landmarks ...), each in several
phrasings. It reads the "<question> <answer>" lines of the observation and keeps the cities
whose built-in answer to each question matches the answer it got; when an answer is not one
the built-in oracle would give (another oracle), a leading Yes/No still filters yes/no
questions and anything else is ignored.

With probability `skill` a turn is played well: guess when one or two candidates are left,
otherwise ask one of the most informative questions (largest answer entropy over the
remaining candidates; yes/no questions are preferred part of the time so games look like the
benchmark's). Otherwise it errs: asks a random question (often uninformative), re-asks
something it already knows in other words, or guesses too early. Deterministic given rng.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence

import numpy as np

from archer_jax.envs.guess_my_city.answers import answer_text
from archer_jax.envs.guess_my_city.cities import CITIES, City, city_index
from archer_jax.envs.guess_my_city.countries import COUNTRIES
from archer_jax.envs.guess_my_city.dataset import answer_polarity
from archer_jax.envs.guess_my_city.env import named_cities, resolve_cities
from archer_jax.envs.guess_my_city.understander import Understander, get_understander
from archer_jax.envs.play import play  # noqa: F401  (re-exported)
from archer_jax.envs.question_game import ScriptedAsker, history_lines, keep_playing

_OPEN = {
  "climate": (
    "What is the climate like in your city?",
    "What is the weather like in your hometown?",
    "Can you describe the climate of your city?",
  ),
  "language": (
    "What language do people speak in your city?",
    "What is the predominant language spoken in your city?",
  ),
  "population": ("What is the population of your city?", "How many people live in your city?"),
  "cuisine": (
    "What is the traditional cuisine of your city?",
    "What are some popular local dishes in your hometown?",
  ),
  "religion": ("What is the predominant religion in your city?",),
  "landmarks": (
    "What are some famous landmarks in your city?",
    "What tourist attractions is your city known for?",
  ),
  "economy": (
    "What are the main industries in your city?",
    "What is the main economic activity in your hometown?",
  ),
  "location": ("What is the geographical location of your city?", "Where is your city located?"),
  "water": ("What rivers or bodies of water are near your city?",),
  "history": ("Can you tell me about the history of your city?",),
  "sports": ("What sports are popular in your city?",),
  "festivals": ("What festivals are celebrated in your city?",),
  "transport": ("What is the transportation system like in your city?",),
  "continent": ("Which continent is your city on?",),
  "country": ("Which country is your city in?",),
}

_TAG_QUESTIONS = {
  "coastal": ("Is your city located on the coast?", "Is your city by the sea?"),
  "island": ("Is your city located on an island?",),
  "river": ("Does a river run through your city?", "Is your city located on a river?"),
  "tropical": ("Does your city have a tropical climate?",),
  "snow": ("Does your city get snow in winter?",),
  "desert": ("Is your city in a desert region?",),
  "cold_climate": ("Does your city have cold winters?",),
  "high_altitude": ("Is your city located at a high altitude?",),
  "mountains": ("Is your city surrounded by mountains?", "Are there mountains near your city?"),
  "nightlife": ("Is your city known for its vibrant nightlife?",),
  "skyscrapers": ("Is your city known for its skyscrapers and modern skyline?",),
  "colonial": ("Is your city known for its colonial architecture?",),
  "unesco": ("Does your city have any UNESCO World Heritage Sites?",),
  "port": ("Is your city a major port?",),
  "mosques": ("Is your city known for its mosques?",),
  "temples": ("Is your city known for its temples?",),
  "churches": ("Is your city known for its churches and cathedrals?",),
  "beaches": ("Is your city known for its beaches?",),
  "olympics": ("Has your city hosted the Olympic Games?",),
  "world_cup": ("Has your city hosted World Cup matches?",),
  "textile": ("Is your city known for its textile industry?",),
  "tech": ("Is your city a major technology hub?",),
  "finance": ("Is your city a major financial center?",),
  "automotive": ("Is your city known for its automotive industry?",),
  "volcano": ("Are there volcanoes near your city?",),
  "earthquakes": ("Does your city experience earthquakes?",),
  "street_art": ("Is your city known for its street art?",),
  "carnival": ("Is your city famous for its carnival?",),
  "film": ("Is your city known for its film industry?",),
  "seafood": ("Is your city known for its seafood?",),
  "spicy": ("Is your city known for spicy food?",),
  "former_capital": ("Was your city ever a former capital?",),
  "largest": ("Is your city the largest city in its country?",),
  "megacity": ("Is your city a megacity?",),
  "pollution": ("Does your city have problems with air pollution?",),
  "typhoons": ("Is your city affected by typhoons or hurricanes?",),
}

_OTHER_YN = (
  ("capital", ("Is your city the capital of its country?", "Is your city a national capital?")),
  ("regional_capital", ("Is your city the capital of its state or province?",)),
  (
    "south_hemisphere",
    ("Is your city in the Southern Hemisphere?", "Is your city south of the equator?"),
  ),
  ("west_hemisphere", ("Is your city in the Western Hemisphere?",)),
  ("north_part", ("Is your city in the northern part of its country?",)),
  ("south_part", ("Is your city in the southern part of its country?",)),
  ("east_part", ("Is your city in the eastern part of its country?",)),
  ("west_part", ("Is your city in the western part of its country?",)),
  ("central_part", ("Is your city in the central part of its country?",)),
)
_POP = (1, 2, 3, 5, 8, 10, 15, 20)
_CONTINENTS = ("Asia", "Europe", "Africa", "North America", "South America", "Oceania")
_SUBREGIONS = (
  "Southeast Asia",
  "East Asia",
  "South Asia",
  "Middle East",
  "Central Asia",
  "Eastern Europe",
  "Western Europe",
  "Latin America",
  "North Africa",
  "West Africa",
  "Caribbean",
)
_GUESS = (
  "Is your city {}?",
  "Is it {}?",
  "Are you from {}?",
  "Is the city you are from {}?",
  "Is your hometown {}, {}?",
)


@functools.lru_cache(maxsize=4)
def question_pool(keys: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
  """(question, concept, is_yes_no) for the non-guess questions the player can ask."""
  pool: list[tuple[str, str, bool]] = []
  for topic, qs in _OPEN.items():
    pool += [(q, f"open:{topic}", False) for q in qs]
  for c in _CONTINENTS:
    pool += [
      (f"Is your city located in {c}?", f"continent:{c}", True),
      (f"Is your city in {c}?", f"continent:{c}", True),
    ]
  for s in _SUBREGIONS:
    pool.append((f"Is your city located in {s}?", f"subregion:{s}", True))
  present = {CITIES_BY_KEY[k].country.name for k in keys}
  for name in COUNTRIES:
    if name in present and name != "Singapore":
      pool += [
        (f"Is your city in {name}?", f"country:{name}", True),
        (f"Is your city located in {name}?", f"country:{name}", True),
      ]
  for concept, qs in _OTHER_YN:
    pool += [(q, concept, True) for q in qs]
  for n in _POP:
    pool.append((f"Does your city have a population of more than {n} million?", f"pop>{n}", True))
  for tag, qs in _TAG_QUESTIONS.items():
    pool += [(q, f"tag:{tag}", True) for q in qs]
  return tuple(pool)


CITIES_BY_KEY = {c.key: c for c in CITIES}


@functools.lru_cache(maxsize=4)
def _answer_matrix(keys: tuple[str, ...]):
  """Per pool question: answer ids over `keys` (int32 [Q, n]) and the id of each answer."""
  u = get_understander()
  pool = question_pool(keys)
  cities = [CITIES_BY_KEY[k] for k in keys]
  mat = np.zeros((len(pool), len(cities)), np.int32)
  ids: list[dict[str, int]] = []
  for qi, (q, _, _) in enumerate(pool):
    p = u.parse(q)
    if p is None:
      raise RuntimeError(f"ScriptedCityPlayer: pool question not understood: {q!r}")
    row: dict[str, int] = {}
    for j, c in enumerate(cities):
      a = answer_text(c, p, q)
      mat[qi, j] = row.setdefault(a, len(row))
    ids.append(row)
  return mat, tuple(ids)


_LINE = re.compile(r"^(?P<q>.*?\?)\s(?P<a>.*)$")


def parse_history(observation: str) -> list[tuple[str, str]]:
  """(question, answer) pairs from the last "Questions:" block of an observation; each line is
  split after the question's first '?'."""
  out = []
  for line in history_lines(observation):
    if not line.strip():
      continue
    m = _LINE.match(line)
    if m:
      out.append((m.group("q").strip(), m.group("a").strip()))
    else:
      out.append(("", line.strip()))
  return out


def guess_question(city: City, rng: np.random.Generator, alias_prob: float = 0.25) -> str:
  """A name guess that names the city (sometimes by another alias): "Is it Bogotá?"."""
  name = city.name
  alts = [a for a in city.aliases[1:] if a.isascii() or rng.random() < 0.5]
  if alts and rng.random() < alias_prob:
    name = alts[int(rng.integers(len(alts)))]
  t = _GUESS[int(rng.integers(len(_GUESS)))]
  if "{}, {}" in t:
    return t.format(name, city.country.name if city.country.name != "Singapore" else name)
  return t.format(name)


class ScriptedCityPlayer(ScriptedAsker):
  """`act(observation) -> question`; `reset()` between episodes.

  rng: np.random.Generator or int seed. skill in [0, 1]: probability of a well-played turn
  (1.0 wins nearly every game well within 20 questions). cities: the candidates it considers
  ("all" or a list of keys / names, as for `GuessMyCityEnv`). open_prob: how often a good
  turn may use an open question rather than a yes/no one. reask: whether a weak turn may ask
  about a concept already asked.
  """

  parse_history = staticmethod(parse_history)
  guess_question = staticmethod(guess_question)

  def __init__(
    self,
    rng=None,
    skill: float = 0.5,
    max_turns: int = 20,
    cities="all",
    open_prob: float = 0.35,
    understander: Understander | None = None,
    reask: bool = True,
  ):
    super().__init__(
      rng, skill, max_turns, understander or get_understander(), resolve_cities(cities), reask
    )
    self.cities: tuple[City, ...] = self.secrets
    self.open_prob = float(open_prob)
    self.keys = tuple(c.key for c in self.cities)
    self.pool = question_pool(self.keys)
    self.matrix, self.answer_ids = _answer_matrix(self.keys)
    self._qindex = {q: i for i, (q, _, _) in enumerate(self.pool)}
    self._yn = np.array([yn for _, _, yn in self.pool])
    self._city_pos = {city_index(c.key): j for j, c in enumerate(self.cities)}

  # ---- state from the observation -----------------------------------------------------
  def candidates(self, history: Sequence[tuple[str, str]]) -> tuple[np.ndarray, set[str]]:
    """Bool mask over `self.cities` consistent with the answers, and the concepts asked."""
    n = len(self.cities)
    alive = np.ones(n, bool)
    guessed = np.zeros(n, bool)
    asked: set[str] = set()
    for q, a in history:
      if not q:
        continue
      named = [self._city_pos[i] for i in named_cities(q) if i in self._city_pos]
      if named:
        guessed[named] = True  # the game would have ended had one been right
        continue
      qi = self._qindex.get(q)
      p = None
      if qi is not None:
        asked.add(self.pool[qi][1])
        aid = self.answer_ids[qi].get(a)
        exact = self.matrix[qi] == aid if aid is not None else None
      else:
        p = self.u.parse(q)
        if p is None or p.kind == "refuse":
          continue
        exact = np.array([answer_text(c, p, q) == a for c in self.cities])
      if exact is not None and (alive & exact).any():
        alive &= exact
        continue
      pol = answer_polarity(a)  # another oracle's wording: trust a leading yes / no
      if pol is None:
        continue
      if p is None:
        p = self.u.parse(q)
      if p is not None and p.kind == "yn":
        truth = np.array([p.truth(city_index(c.key)) for c in self.cities])
        if (alive & (truth == pol)).any():
          alive &= truth == pol
    return keep_playing(alive & ~guessed, guessed), asked

  # ---- acting -------------------------------------------------------------------------
  def _ask(self, qi: int) -> str:
    return self.pool[qi][0]

  def _entropy(self, alive: np.ndarray) -> np.ndarray:
    sub = self.matrix[:, alive]
    n = sub.shape[1]
    ent = np.zeros(len(self.pool))
    for qi in range(len(self.pool)):
      counts = np.bincount(sub[qi])
      p = counts[counts > 0] / n
      ent[qi] = -(p * np.log2(p)).sum()
    return ent

  def _best(self, alive: np.ndarray, asked: set[str]) -> int | None:
    """One of the (up to three) pool questions of highest answer entropy over `alive`."""
    ent = self._entropy(alive)
    if ent.max() <= 1e-9:
      return None
    use_open = self.rng.random() < self.open_prob
    cand = ent.copy()
    if not use_open:
      yn = np.where(self._yn, ent, -1.0)
      if yn.max() > 0.5 or yn.max() >= 0.8 * ent.max():
        cand = yn
    top = np.argsort(-cand)[:3]
    top = [int(t) for t in top if cand[t] >= 0.6 * cand.max() and cand[t] > 1e-9]
    return top[int(self.rng.integers(len(top)))]

  def _weak_turn(self, alive: np.ndarray, asked: set[str]) -> str:
    """An early guess, a random pool question, or a concept already asked in other words.
    With `reask=False` the random question is about a concept not asked yet, and it also
    takes the re-ask's place (a guess when every concept was asked)."""
    r = self.rng.random()
    if r < 0.45 or not asked or not self.reask:
      if r < 0.3 and int(alive.sum()) > 2:
        return self._guess(alive)
      pool = self.pool if self.reask else [p for p in self.pool if p[1] not in asked]
      if not pool:
        return self._guess(alive)
      return pool[int(self.rng.integers(len(pool)))][0]
    concept = sorted(asked)[int(self.rng.integers(len(asked)))]
    same = [q for q, c, _ in self.pool if c == concept]
    return same[int(self.rng.integers(len(same)))]


__all__ = ["ScriptedCityPlayer", "guess_question", "parse_history", "question_pool", "play"]

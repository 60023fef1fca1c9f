"""The Guess My City knowledge base: per-city truth masks for every concept the built-in oracle
understands, and the gazetteer's lexicons that find places, landmarks, dishes, people ... in
text.

A *mask* is a bool array over `CITIES` (index order): `mask[i]` is the truthful answer for
city i. Tags (`tags.TAGS`) become masks once; numbers (coordinates, population, elevation,
founding year) are arrays over the cities; places and named things are looked up with
`lexicon.scan` (see `gazetteer`).
"""

from __future__ import annotations

import functools

import numpy as np

from archer_jax.envs.guess_my_city import world
from archer_jax.envs.guess_my_city.cities import CITIES
from archer_jax.envs.guess_my_city.gazetteer import CONTINENTS, build_gazetteer  # noqa: F401
from archer_jax.envs.guess_my_city.lexicon import Entry
from archer_jax.envs.guess_my_city.records import City, haversine_km
from archer_jax.envs.guess_my_city.tags import TAGS, Tag
from archer_jax.envs.guess_my_city.text import norm, split_list


def _resolve(spec, cities: tuple[City, ...], what: str) -> np.ndarray:
  """A tag's city list (see `tags`) -> its mask over `cities`."""
  n = len(cities)
  if callable(spec):
    return np.array([bool(spec(c)) for c in cities])
  spec = spec.strip()
  mask = np.zeros(n, bool)
  if not spec:
    return mask
  neg = False
  if spec.startswith("*"):
    mask[:] = True
    spec = spec[1:].strip()
    if not spec:
      return mask
    if not spec.startswith("-"):
      raise ValueError(f"{what}: bad city list {spec!r}")
    spec, neg = spec[1:], True
  short = {c.short: i for i, c in enumerate(cities)}
  others = {norm(o[0]) for o in world.OTHER_CITIES}
  for s in split_list(spec):
    if s in short:
      mask[short[s]] = not neg
    elif norm(s) not in others:
      raise ValueError(f"{what}: unknown city id {s!r}")
  return mask


class KnowledgeBase:
  """Masks and lexicons over `cities` (default: all 99)."""

  def __init__(self, cities: tuple[City, ...] = CITIES):
    self.cities = cities
    self.n = n = len(cities)
    self._pos = {c.key: i for i, c in enumerate(cities)}
    self.tags: dict[str, Tag] = {t.key: t for t in TAGS}
    self.tag_masks: dict[str, np.ndarray] = {}
    for t in TAGS:
      self.tag_masks[t.key] = _resolve(t.cities, cities, f"tag {t.key}")
    self.none = np.zeros(n, bool)
    self.all = np.ones(n, bool)
    self.lat = np.array([c.lat for c in cities])
    self.lon = np.array([c.lon for c in cities])
    self.pop = np.array([c.population for c in cities])
    self.elev = np.array([c.elevation for c in cities])
    self.founded = np.array([np.nan if c.founded is None else c.founded for c in cities], float)
    g = build_gazetteer(cities, self.none)
    self.lexicon, self.name_lexicon = g.lexicon, g.name_lexicon
    self.other_cities, self.water_near, self.entity_items = (
      g.other_cities,
      g.water_near,
      g.entity_items,
    )

  def onehot(self, i: int) -> np.ndarray:
    m = np.zeros(self.n, bool)
    m[i] = True
    return m

  # ---- queries ----------------------------------------------------------------------------
  def water_near_mask(self, name: str) -> np.ndarray:
    return self.water_near.get(norm(name), self.none)

  def coords(self, entry: Entry) -> tuple[float, float] | None:
    if entry.kind == "city":
      i = int(np.flatnonzero(entry.mask)[0])
      return self.cities[i].lat, self.cities[i].lon
    if entry.kind == "ocity":
      o = self.other_cities.get(norm(entry.key))
      return None if o is None else (o.lat, o.lon)
    return None

  def distance_mask(self, lat: float, lon: float, max_km: float) -> np.ndarray:
    return np.array([haversine_km(c.lat, c.lon, lat, lon) <= max_km for c in self.cities])

  def pos(self, city: City) -> int:
    """Index of `city` in `self.cities`."""
    return self._pos[city.key]

  def tag(self, key: str) -> np.ndarray:
    return self.tag_masks[key]


@functools.cache
def get_kb() -> KnowledgeBase:
  """The shared knowledge base over all 99 cities (built once per process)."""
  return KnowledgeBase()

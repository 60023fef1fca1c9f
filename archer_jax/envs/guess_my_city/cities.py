"""The benchmark's 99 Guess My City cities, built from the data tables, and lookups by name.

The public conversations file names its cities by a "city,country" key in the benchmark's own
spelling ("bucuresti,romania", "kinshaha,congo", "taipei,china"); `City.key` keeps that exact
key so datasets round-trip, while `City.name` is the usual English name and `City.aliases`
lists every spelling that counts as naming the city (matched accent- and case-insensitively
on word boundaries: see `text.norm`). `City.exact_aliases` are short upper-case forms ("LA",
"NYC") that only count when written in capitals. Country-level facts live in
`countries.COUNTRIES`; every list is ordered most notable first (see `records`).
"""

from __future__ import annotations

from archer_jax.envs.guess_my_city import data_americas, data_asia, data_east_asia, data_emea
from archer_jax.envs.guess_my_city.records import CLIMATES, City, build_city, haversine_km  # noqa: F401
from archer_jax.envs.guess_my_city.text import fold, norm


def _load() -> tuple[City, ...]:
  raws = data_east_asia.CITIES + data_asia.CITIES + data_americas.CITIES + data_emea.CITIES
  cities = sorted((build_city(r) for r in raws), key=lambda c: c.key)
  keys = [c.key for c in cities]
  if len(set(keys)) != len(keys):
    raise ValueError("guess_my_city: duplicate city keys")
  return tuple(cities)


CITIES: tuple[City, ...] = _load()
CITY_KEYS: tuple[str, ...] = tuple(c.key for c in CITIES)
_BY_KEY = {c.key: i for i, c in enumerate(CITIES)}
_BY_SHORT = {c.short: i for i, c in enumerate(CITIES)}


def city_index(name: str) -> int:
  """Index in `CITIES` of a data-file key ("kinshaha,congo"), its city part ("kinshaha"), or
  any alias ("Kinshasa", "Bogotá")."""
  if name in _BY_KEY:
    return _BY_KEY[name]
  k = fold(name).strip().lower()
  if k in _BY_KEY:
    return _BY_KEY[k]
  if k in _BY_SHORT:
    return _BY_SHORT[k]
  n = norm(name)
  for i, c in enumerate(CITIES):
    if n in c.alias_norms or n == norm(c.key):
      return i
  raise KeyError(f"guess_my_city: unknown city {name!r}")


def get_city(name: str) -> City:
  return CITIES[city_index(name)]

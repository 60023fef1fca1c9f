"""One Guess My City record: the `City` dataclass, the raw-record helper the data tables use
(`city(...)`, ";"-separated strings for lists) and `build_city`, which resolves a raw record
against its country (`countries.COUNTRIES`): a city overrides the country's continent,
languages, religions, sports, dishes and festivals where they differ.

Landmarks are written "Name/Other name|hidden keywords": the first name is what answers show,
the other names are matched in questions, and the keywords (after "|") say what kind of
place it is ("Hagia Sophia|mosque museum church cathedral byzantine") so "the famous mosque"
finds it.
"""

from __future__ import annotations

import dataclasses
import functools
import math

from archer_jax.envs.guess_my_city.countries import COUNTRIES, Country
from archer_jax.envs.guess_my_city.text import norm, split_list

# Köppen climate groups -> (short name, description used in answers)
CLIMATES = {
  "Af": ("tropical rainforest", "hot, humid and rainy all year round"),
  "Am": ("tropical monsoon", "hot and humid all year, with a long, very wet monsoon season"),
  "Aw": ("tropical savanna", "warm to hot all year, with a distinct wet season and dry season"),
  "BWh": ("hot desert", "very hot and dry, with little rain and mild winters"),
  "BSh": ("hot semi-arid", "hot and fairly dry, with scorching summers and mild winters"),
  "BSk": ("cold semi-arid", "dry, with hot summers and cold winters"),
  "Csa": ("hot-summer Mediterranean", "hot, dry summers and mild, wet winters"),
  "Csb": ("warm-summer Mediterranean", "warm, dry summers and mild, wet winters"),
  "Cfa": ("humid subtropical", "hot, humid summers and mild to cool winters"),
  "Cwa": ("monsoon-influenced humid subtropical", "hot, rainy summers and mild, dry winters"),
  "Cwb": (
    "subtropical highland",
    "mild, spring-like weather all year thanks to its altitude, with a rainy season",
  ),
  "Cfb": (
    "oceanic",
    "mild and often cloudy, with rain spread through the year and no great extremes",
  ),
  "Dfa": ("hot-summer humid continental", "hot summers and cold, snowy winters"),
  "Dfb": ("warm-summer humid continental", "warm summers and long, cold, snowy winters"),
  "Dwa": ("monsoon-influenced humid continental", "hot, humid summers and very cold, dry winters"),
  "Dsa": ("continental Mediterranean", "hot, dry summers and cold, snowy winters"),
}


@dataclasses.dataclass(frozen=True)
class City:
  key: str  # the data file's exact "city,country" key
  name: str  # usual English name
  aliases: tuple[str, ...]  # every spelling that names the city (name first)
  exact_aliases: tuple[str, ...]  # upper-case short forms, matched case-sensitively
  country: Country
  regions: tuple[str, ...]  # state / province / prefecture, wider regions: most local first
  parts: tuple[str, ...]  # compass parts of the country: north, southeast, central ...
  lat: float
  lon: float
  elevation: int  # metres above sea level
  population: float  # millions (urban area, rounded)
  climate: str  # Köppen code (see CLIMATES)
  temp: float  # mean annual temperature, °C
  rain: int  # mean annual precipitation, mm
  capital: str = ""  # "national" | "regional" | ""
  former_capital: str = ""  # what it used to be the capital of, if anything
  island: tuple[str, ...] = ()  # the island(s) it lies on, if any
  island_parts: tuple[str, ...] = ()  # compass parts of that island
  coast: tuple[str, ...] = ()  # sides of the country/island coast it lies on; () = inland
  waters: tuple[str, ...] = ()  # seas, oceans, bays, lakes it lies on
  near_waters: tuple[str, ...] = ()  # seas / lakes close by but not on its shore
  rivers: tuple[str, ...] = ()
  mountains: tuple[str, ...] = ()  # ranges / peaks in or next to the city
  continents: tuple[str, ...] = ()
  languages: tuple[str, ...] = ()
  religions: tuple[str, ...] = ()
  dishes: tuple[str, ...] = ()
  landmarks: tuple[str, ...] = ()
  teams: tuple[str, ...] = ()
  sports: tuple[str, ...] = ()
  economy: tuple[str, ...] = ()
  people: tuple[str, ...] = ()
  festivals: tuple[str, ...] = ()
  universities: tuple[str, ...] = ()
  nicknames: tuple[str, ...] = ()
  borders: tuple[str, ...] = ()  # countries whose border is within ~100 km
  founded: int | None = None  # year (negative: BC)
  history: str = ""
  transport: str = ""
  weather: str = ""  # overrides the climate group's description
  population_note: str = ""  # e.g. the wider municipality's figure
  currency: str = ""  # overrides the country's

  # ---- derived -------------------------------------------------------------------------
  @property
  def short(self) -> str:
    """The key's city part ("bucuresti"): the id used by the tag tables."""
    return self.key.split(",", 1)[0]

  @property
  def clothing(self) -> tuple[str, ...]:
    return self.country.clothing

  @property
  def coastal(self) -> bool:
    return bool(self.coast)

  @property
  def hemispheres(self) -> tuple[str, ...]:
    ns = "northern" if self.lat >= 0 else "southern"
    ew = (
      ("eastern", "western")
      if abs(self.lon) < 0.5
      else (("eastern",) if self.lon > 0 else ("western",))
    )
    return (ns,) + ew

  @property
  def climate_name(self) -> str:
    return CLIMATES[self.climate][0]

  @property
  def climate_text(self) -> str:
    return self.weather or CLIMATES[self.climate][1]

  @functools.cached_property
  def alias_norms(self) -> tuple[str, ...]:
    return tuple(dict.fromkeys(norm(a) for a in self.aliases if norm(a)))

  def landmark_names(self) -> list[str]:
    """Display names of the landmarks (first name of each)."""
    return [lm.split("|", 1)[0].split("/", 1)[0] for lm in self.landmarks]

  def distance_km(self, other: "City") -> float:
    return haversine_km(self.lat, self.lon, other.lat, other.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
  p1, p2 = math.radians(lat1), math.radians(lat2)
  dp, dl = p2 - p1, math.radians(lon2 - lon1)
  a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
  return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


_LIST_FIELDS = (
  "regions",
  "parts",
  "coast",
  "waters",
  "near_waters",
  "rivers",
  "mountains",
  "continents",
  "languages",
  "religions",
  "dishes",
  "landmarks",
  "teams",
  "sports",
  "economy",
  "people",
  "festivals",
  "universities",
  "nicknames",
  "borders",
  "exact_aliases",
  "island_parts",
  "island",
)


def city(key: str, name: str, aliases: str, country: str, **kw) -> dict:
  """One city's raw record (";"-separated strings for lists); `build_city` resolves it."""
  return dict(key=key, name=name, aliases=aliases, country=country, **kw)


def build_city(raw: dict) -> City:
  raw = dict(raw)
  country = COUNTRIES[raw.pop("country")]
  name = raw.pop("name")
  aliases = (name,) + tuple(a for a in split_list(raw.pop("aliases")) if a != name)
  kw = {}
  for f in _LIST_FIELDS:
    kw[f] = split_list(raw.pop(f, ""))
  extra_dishes = split_list(raw.pop("more_dishes", ""))
  if not kw["continents"]:
    kw["continents"] = (country.continent,)
  if not kw["languages"]:
    kw["languages"] = country.languages
  if not kw["religions"]:
    kw["religions"] = country.religions
  if not kw["sports"]:
    kw["sports"] = country.sports
  kw["dishes"] = tuple(
    dict.fromkeys(
      kw["dishes"] + extra_dishes + (() if raw.pop("own_dishes_only", False) else country.dishes)
    )
  )
  kw["festivals"] = tuple(dict.fromkeys(kw["festivals"] + country.festivals))
  return City(key=raw.pop("key"), name=name, aliases=aliases, country=country, **kw, **raw)

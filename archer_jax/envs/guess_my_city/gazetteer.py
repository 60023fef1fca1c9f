"""The gazetteer: the lexicons of every place and named thing a Guess My City question can
mention, built from the cities' records and the wider world (`world`).

The phrase lexicon holds our cities, other cities (with coordinates, for "near X"),
continents and sub-regions, countries, regions, islands, waters, rivers, mountains and named
things (landmarks, dishes, teams, people, festivals, universities, nicknames); the name
lexicon holds only what counts as naming a city. A place's mask marks the cities in it (or on
it); places outside the benchmark's cities get an all-false mask.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

import numpy as np

from archer_jax.envs.guess_my_city import world
from archer_jax.envs.guess_my_city.countries import COUNTRIES, OTHER_COUNTRIES
from archer_jax.envs.guess_my_city.lexicon import (
  GENERIC,
  PAREN,
  Entry,
  Lexicon,
  distinctive,
  item_names,
)
from archer_jax.envs.guess_my_city.records import City
from archer_jax.envs.guess_my_city.tags import TAGS
from archer_jax.envs.guess_my_city.text import norm, split_list

CONTINENTS = ("Asia", "Europe", "Africa", "North America", "South America", "Oceania")


@dataclasses.dataclass
class OtherCity:
  name: str
  country: str
  lat: float
  lon: float


# sub-continental regions whose membership is not simply the country's list
def _subregion_rules() -> dict[str, Callable[[City], bool]]:
  def country_in(*names):
    return lambda c: c.country.name in names

  return {
    "Western Asia": country_in("Turkey", "Iraq", "Iran"),
    "Northern Europe": lambda c: c.short in ("london", "st petersburg", "moscow"),
    "Southern Europe": lambda c: c.short in ("madrid", "rome", "istanbul"),
    "Western Europe": lambda c: c.short in ("london", "paris", "madrid", "berlin", "rome"),
    "Central Europe": lambda c: c.short in ("berlin", "budapest"),
    "Eastern Europe": lambda c: (
      c.short in ("bucuresti", "budapest", "kiev", "moscow", "st petersburg")
    ),
    "Southeast Europe": lambda c: c.short in ("bucuresti", "istanbul"),
    "Southeastern Europe": lambda c: c.short in ("bucuresti", "istanbul"),
    "Balkans": lambda c: c.short in ("bucuresti", "istanbul"),
    "Northeast Asia": lambda c: (
      c.country.name in ("Japan", "South Korea", "North Korea")
      or c.short in ("beijing", "tianjin", "dalian", "shenyang", "changchun", "haerbin")
    ),
    "Far East": country_in("China", "Japan", "South Korea", "North Korea", "Taiwan"),
    "Orient": country_in("China", "Japan", "South Korea", "North Korea", "Taiwan"),
    "Eurasia": lambda c: bool({"Europe", "Asia"} & set(c.continents)),
    "the Americas": lambda c: bool({"North America", "South America"} & set(c.continents)),
    "Americas": lambda c: bool({"North America", "South America"} & set(c.continents)),
    "Asia-Pacific": lambda c: (
      "Oceania" in c.continents
      or any(s in ("East Asia", "Southeast Asia") for s in c.country.subregions)
    ),
    "Australasia": lambda c: "Oceania" in c.continents,
    "Mediterranean region": lambda c: (
      c.short in ("alexandria", "rome", "madrid", "izmir", "istanbul", "casablanca")
    ),
    "Mediterranean": lambda c: (
      c.short in ("alexandria", "rome", "madrid", "izmir", "istanbul", "casablanca")
    ),
    "Sub-Saharan Africa": lambda c: c.short in ("abidjan", "addis ababa", "kinshaha"),
    "West Indies": lambda c: c.short == "havanna",
    "Greater Antilles": lambda c: c.short == "havanna",
    "Anatolia": lambda c: c.short in ("ankara", "izmir", "istanbul"),
    "Middle East": country_in("Egypt", "Turkey", "Iraq", "Iran"),
    "Near East": country_in("Egypt", "Turkey", "Iraq", "Iran"),
    "Indian subcontinent": country_in("India", "Pakistan", "Bangladesh"),
    "Southern Hemisphere countries": lambda c: c.lat < 0,
  }


# oceans and seas that contain smaller waters (for "on the Pacific coast" etc.)
WATER_PARENTS = {
  "Pacific Ocean": "Yellow Sea; East China Sea; South China Sea; Sea of Japan (East Sea); "
  "Tasman Sea; Bohai Sea; Korea Strait; Korea Bay; Gulf of Guayaquil; Tokyo Bay; "
  "Ise Bay; Osaka Bay; Jiaozhou Bay; Victoria Harbour; Port Jackson (Sydney Harbour)",
  "Atlantic Ocean": "Gulf of Guinea; Caribbean Sea; Gulf of Mexico; Straits of Florida; "
  "Río de la Plata; Guanabara Bay; All Saints Bay (Baía de Todos os Santos); New York Harbor",
  "Indian Ocean": "Arabian Sea; Bay of Bengal; Andaman Sea; Strait of Malacca",
  "Mediterranean Sea": "Aegean Sea; Gulf of İzmir; Tyrrhenian Sea",
  "Baltic Sea": "Gulf of Finland",
  "Sea of Japan (East Sea)": "Korea Strait",
}

# short names of rivers that are safe to match without the word "river"
RIVER_SHORT = frozenset(
  split_list(
    "Yangtze; Nile; Thames; Seine; Danube; Tiber; Hudson; Neva; Spree; Tigris; Euphrates; Ganges; "
    "Yamuna; Dnieper; Mekong; Amazon; Volga; Rhine; Chao Phraya; Huangpu; Songhua; Mapocho; Rímac; "
    "Cauca; Guayas; Hooghly; Ravi; Sabarmati; Buriganga; Jialing; Taedong; Nakdong; Sumida; Yodo; "
    "Tietê; Ciliwung; Brantas; Guaire; Almendares; Indus; Mississippi; Orinoco; Paraná; Magdalena; "
    "Irrawaddy; Salween; Amur; Vistula; Elbe; Loire; Rhône; Ebro; Tagus; Douro; Murray; Zambezi; "
    "Dniester; Godavari; Narmada; Kaveri; Jhelum; Chenab; Sutlej; Padma; Meghna; Havel; Dâmbovița; "
    "Manzanares; Chirchiq; Cisadane; Tamsui; Keelung; Haihe; Pinheiros; Parramatta; Cooum; Adyar; "
    "Geumho; Kashaf; Moskva; Mississippi; Missouri; Colorado; Ob; Lena; Yenisei"
  )
)
_HEAD_STOP = frozenset(
  {norm(w) for w in world.LANGUAGE_WORDS}
  | {norm(w) for w in world.DEMONYMS}
  | set(
    "muslim christian buddhist hindu jewish catholic orthodox islamic "
    "sikh jain coptic protestant".split()
  )
)
_BARE_WATERS = frozenset(
  split_list(
    "mediterranean; caribbean; aegean; baltic; arabian; caspian; pacific; atlantic; arctic; "
    "tasman; andaman; adriatic; ionian; tyrrhenian; marmara; bohai; okhotsk; azov; barents; "
    "ligurian"
  )
)
_NOT_BARE = frozenset(
  (
    "pacific",
    "caribbean",
    "atlantic",
    "capital",
    "central",
    "coastal",
    "andean",
    "southeast",
    "northeast",
    "northwest",
    "southwest",
    "north",
    "south",
    "east",
    "west",
    "western",
    "eastern",
    "northern",
    "southern",
    "national",
    "special",
    "autonomous",
    "federal",
    "metropolitan",
    "greater",
    "yellow",
    "white",
    "black",
    "red",
    "blue",
    "green",
    "golden",
    "purple",
    "great",
  )
)
_RIVER_WORDS = re.compile(r"\b(?:river|rio|río)\b", re.I)
_MOUNTAIN_WORDS = re.compile(r"\b(?:mountains|mountain|range|hills|hill|mount|mt)\b", re.I)


@dataclasses.dataclass
class Gazetteer:
  """What `build_gazetteer` returns (the knowledge base keeps each field)."""

  lexicon: Lexicon  # every place and named thing
  name_lexicon: Lexicon  # only what counts as naming a city
  other_cities: dict[str, OtherCity]  # normalised name -> coordinates
  water_near: dict[str, np.ndarray]  # normalised water -> cities on or near it
  entity_items: dict[str, list[tuple[int, str]]]  # kind -> [(city, item)]


def build_gazetteer(cities: tuple[City, ...], none: np.ndarray) -> Gazetteer:
  """The lexicons over `cities`; `none` is the all-false mask places outside them share."""
  return _Builder(cities, none).build()


class _Builder:
  """Adds the cities and the wider world to the lexicons, one kind of place at a time."""

  def __init__(self, cities: tuple[City, ...], none: np.ndarray):
    self.cities = cities
    self.n = len(cities)
    self.none = none
    self.lexicon = Lexicon()
    self.name_lexicon = Lexicon()
    self.other_cities: dict[str, OtherCity] = {}
    self.water_near: dict[str, np.ndarray] = {}
    self.entity_items: dict[str, list[tuple[int, str]]] = {}

  def _mask(self, pred: Callable[[City], bool]) -> np.ndarray:
    return np.array([bool(pred(c)) for c in self.cities])

  def onehot(self, i: int) -> np.ndarray:
    m = np.zeros(self.n, bool)
    m[i] = True
    return m

  def build(self) -> Gazetteer:
    self._add_cities()
    self._add_other_cities()
    self._add_blockers()
    self._add_continents()
    self._add_countries()
    self._add_regions()
    self._add_islands()
    self._add_waters()
    self._add_rivers()
    self._add_mountains()
    self._add_named_things()
    return Gazetteer(
      self.lexicon, self.name_lexicon, self.other_cities, self.water_near, self.entity_items
    )

  def _add_cities(self) -> None:
    """Our cities, in both lexicons."""
    L, N = self.lexicon, self.name_lexicon
    cities = self.cities
    for i, c in enumerate(cities):
      e = Entry("city", c.key, self.onehot(i))
      for a in c.aliases + (c.short,):
        L.add(a, e)
        N.add(a, e)

  def _add_other_cities(self) -> None:
    """Other cities, with coordinates for "near X"; they name no city of ours."""
    L, N = self.lexicon, self.name_lexicon
    allow = {
      norm(x)
      for x in split_list(
        "Santiago de Cuba; Santiago de Compostela; "
        "Santiago de los Caballeros; Alexandria Virginia; "
        "Hyderabad Sindh"
      )
    }
    for name, country, lat, lon in world.OTHER_CITIES:
      k = norm(name)
      if k in self.other_cities or L.get(name):
        continue
      if k not in allow and any(e.kind == "city" for _, _, es in N.scan(k.split()) for e in es):
        raise ValueError(f"world.OTHER_CITIES: {name!r} contains the name of one of the cities")
      self.other_cities[k] = OtherCity(name, country, lat, lon)
      e = Entry("ocity", name, self.none)
      L.add(name, e)
      N.add(name, e)

  def _add_blockers(self) -> None:
    """Phrases that contain a city's name without naming the city."""
    N = self.name_lexicon
    for b in split_list(
      "Rio de la Plata; Río de la Plata; Rio Grande; Rio Grande do Sul; "
      "Lima bean; Lima beans; Salvador Dali; Salvador Dalí; Santiago Bernabeu; "
      "Santiago Bernabéu; Paris Hilton; El Salvador; Hong Kong style"
    ):
      N.add(b, Entry("blocker", b, self.none))

  def _add_continents(self) -> None:
    """Continents and sub-regions."""
    L = self.lexicon
    for cont in CONTINENTS:
      L.add(cont, Entry("continent", cont, self._mask(lambda c, x=cont: x in c.continents)))
    L.add(
      "Australia continent",
      Entry("continent", "Oceania", self._mask(lambda c: "Oceania" in c.continents)),
    )
    L.add("Antarctica", Entry("continent", "Antarctica", self.none))
    rules = _subregion_rules()
    subs = set(world.EXTRA_SUBREGIONS) | set(rules)
    for c in COUNTRIES.values():
      subs |= set(c.subregions)
    for s in sorted(subs):
      if s in CONTINENTS:
        continue
      pred = rules.get(s) or (lambda c, x=s: x in c.country.subregions)
      L.add(s, Entry("subregion", s, self._mask(pred)))

  def _add_countries(self) -> None:
    """Countries, ours and others; "America" alone means the United States."""
    L, N = self.lexicon, self.name_lexicon
    for name, cty in COUNTRIES.items():
      e = Entry("country", name, self._mask(lambda c, x=name: c.country.name == x))
      for a in (name,) + cty.aliases:
        L.add(a, e)
        if norm(a) != "singapore":
          N.add(a, e)
    for name in OTHER_COUNTRIES:
      e = Entry("country", name, self.none)
      L.add(name, e)
      N.add(name, e)
    L.add(
      "mainland China",
      Entry(
        "mainland",
        "mainland China",
        self._mask(lambda c: c.country.name == "China" and c.short != "hong kong"),
      ),
    )
    L.add(
      "Chinese mainland",
      Entry(
        "mainland",
        "mainland China",
        self._mask(lambda c: c.country.name == "China" and c.short != "hong kong"),
      ),
    )

  def _add_regions(self) -> None:
    """States, provinces and wider regions."""
    L = self.lexicon
    cities = self.cities
    for i, c in enumerate(cities):
      for r in c.regions:
        for nm in self._region_names(r):
          L.add_member("region", nm, i, self.n)
    for r in world.OTHER_REGIONS:
      for nm in self._region_names(r):
        if not L.get(nm):
          L.add(nm, Entry("region", r, self.none))

  def _add_islands(self) -> None:
    """Islands, also without the word "Island"."""
    L = self.lexicon
    cities = self.cities
    for i, c in enumerate(cities):
      for isl in c.island:
        for nm in item_names(isl, split_and=False):
          L.add_member("island", nm, i, self.n)
          bare = re.sub(r"\s+Island$", "", nm)
          if norm(bare) not in ("long", "great", "staten"):
            L.add_member("island", bare, i, self.n)
    for isl in world.OTHER_ISLANDS:
      if not any(e.kind == "island" for e in L.get(isl)):
        L.add(isl, Entry("island", isl, self.none))

  def _add_waters(self) -> None:
    """Seas, oceans, bays and lakes: "on" masks; the near ones only in `water_near`."""
    L = self.lexicon
    cities = self.cities
    children = {p: split_list(v) for p, v in WATER_PARENTS.items()}
    for i, c in enumerate(cities):
      for w in c.waters:
        self._add_water(L, w, i, on=True, children=children)
      for w in c.near_waters:
        self._add_water(L, w, i, on=False, children=children)
    for w in world.OTHER_WATERS:
      for nm in self._water_names(w):
        if not any(e.kind == "water" for e in L.get(nm)):
          L.add(nm, Entry("water", w, self.none))

  def _add_rivers(self) -> None:
    """Rivers, also by their short names."""
    self._add_features("river", "rivers", self._river_names, world.OTHER_RIVERS)

  def _add_mountains(self) -> None:
    """Mountains and ranges."""
    self._add_features("mountain", "mountains", self._mountain_names, world.OTHER_MOUNTAINS)

  def _add_features(
    self, kind: str, field: str, names: Callable[[str], list[str]], others: tuple[str, ...]
  ) -> None:
    """Each city's `field` features under all their `names`, then the world's `others`."""
    L = self.lexicon
    for i, c in enumerate(self.cities):
      for x in getattr(c, field):
        for nm in names(x):
          L.add_member(kind, nm, i, self.n)
    for x in others:
      for nm in names(x):
        if not any(e.kind == kind for e in L.get(nm)):
          L.add(nm, Entry(kind, x, self.none))

  def _add_named_things(self) -> None:
    """Landmarks, dishes, teams, clothing, people, festivals, universities and nicknames, then
    landmarks elsewhere."""
    L = self.lexicon
    cities = self.cities
    for kind, field in (
      ("landmark", "landmarks"),
      ("dish", "dishes"),
      ("team", "teams"),
      ("clothing", "clothing"),
      ("person", "people"),
      ("festival", "festivals"),
      ("university", "universities"),
      ("nickname", "nicknames"),
    ):
      items = []
      for i, c in enumerate(cities):
        for item in getattr(c, field):
          items.append((i, item))
          base = PAREN.sub(" ", item) if kind in ("person", "team") else item
          whole = set(norm(x) for x in item_names(base, split_and=False))
          for nm in item_names(base):
            if kind not in ("person", "team") and norm(nm) not in whole and len(nm.split()) < 2:
              continue
            k = norm(nm)
            if kind == "team":
              k = re.sub(
                r"\b(?:football|basketball|baseball|ice hockey|rugby|cricket)\b", "", k
              ).strip()
            ok = distinctive(k, 5 if kind in ("person", "team") else 4) or (
              kind == "nickname" and len(k.split()) >= 3
            )
            if ok and not self._is_place(k):
              L.add_member(kind, k, i, self.n)
            toks = k.split()
            if (
              kind == "landmark"
              and len(toks) >= 2
              and len(toks[0]) >= 5
              and toks[0] not in GENERIC
              and all(t in GENERIC for t in toks[1:])
              and not self._is_place(toks[0])
              and not L.get(toks[0])
              and toks[0] not in _HEAD_STOP
              and not any(re.search(t.trigger, f" {toks[0]} ") for t in TAGS)
            ):
              L.add_member(kind, toks[0], i, self.n)
            if kind == "person":  # surnames of well-known people
              toks = k.split()
              if (
                len(toks) >= 2
                and len(toks[-1]) >= 5
                and toks[-1] not in GENERIC
                and not self._is_place(toks[-1])
              ):
                L.add_member(kind, toks[-1], i, self.n)
      self.entity_items[kind] = items
    for lm in world.OTHER_LANDMARKS:
      for nm in item_names(lm):
        if (distinctive(norm(nm)) or len(nm.split()) >= 2) and not L.get(nm):
          L.add(nm, Entry("olandmark", lm, self.none))

  def _is_place(self, phrase: str) -> bool:
    return any(
      e.kind in ("city", "ocity", "country", "continent", "subregion", "region")
      for e in self.lexicon.get(phrase)
    )

  @staticmethod
  def _region_names(r: str) -> list[str]:
    out = item_names(r, split_and=False)
    more = []
    for nm in out:
      bare = re.sub(
        r"\s+(?:Province|State|Prefecture|Region|Municipality|Governorate|Division|"
        r"District|Oblast|County|Department|Metropolitan City|Special Municipality|"
        r"Capital City|Autonomous District|Chartered City|Capital District|"
        r"Capital Region|Capital Territory|Metropolitan Region|Metropolitan Area|"
        r"Special Capital Region|\(city-state\)|region)$",
        "",
        nm,
      ).strip()
      if bare and bare != nm and norm(bare) not in _NOT_BARE:
        more.append(bare)
    return list(dict.fromkeys(out + more))

  @staticmethod
  def _water_names(w: str) -> list[str]:
    out = item_names(w, split_and=False)
    more = []
    for nm in out:
      m = re.match(r"^(.*)\s+(?:Sea|Ocean)$", nm)
      if m and norm(m.group(1)) in _BARE_WATERS:
        more.append(m.group(1))
    return list(dict.fromkeys(out + more))

  def _add_water(self, L, w, i, on: bool, children) -> None:
    names = list(self._water_names(w))
    for parent, kids in children.items():
      if w in kids:
        names += self._water_names(parent)
        for grand, gkids in children.items():
          if parent in gkids:
            names += self._water_names(grand)
    for nm in dict.fromkeys(names):
      if not any(e.kind == "water" for e in L.get(nm)):
        L.add(nm, Entry("water", nm, np.zeros(self.n, bool)))
      if on:
        L.add_member("water", nm, i, self.n)
      self.water_near.setdefault(norm(nm), np.zeros(self.n, bool))[i] = True

  @staticmethod
  def _river_names(r: str) -> list[str]:
    out = []
    for nm in item_names(r, split_and=False):
      out.append(nm)
      short = _RIVER_WORDS.sub(" ", nm).strip()
      short = re.sub(r"^\s*the\s+", "", short)
      if short and short in RIVER_SHORT:
        out.append(short)
        out.append(f"{short} River")
        out.append(f"River {short}")
    return list(dict.fromkeys(out))

  @staticmethod
  def _mountain_names(m: str) -> list[str]:
    out = []
    for nm in item_names(m, split_and=False):
      if nm.lower().startswith("the "):
        nm = nm[4:]
      out.append(nm)
      short = _MOUNTAIN_WORDS.sub(" ", nm).strip()
      if (
        len(short) >= 5
        and norm(short) not in GENERIC
        and " " not in short.strip()
        and norm(short) not in _NOT_BARE
      ):
        out.append(short)
      if short.lower() == "andes":
        out += ["Andes Mountains", "Andean", "Andes mountain range"]
    return list(dict.fromkeys(out))

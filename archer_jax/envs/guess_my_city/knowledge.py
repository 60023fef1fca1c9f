"""The Guess My City knowledge base: per-city truth masks for every concept the built-in oracle
understands, and a phrase lexicon that finds places, landmarks, dishes, people ... in text.

A *mask* is a bool array over `CITIES` (index order): `mask[i]` is the truthful answer for
city i. Tags (`tags.TAGS`) become masks once; places and named things are looked up with
`Lexicon.scan`, a greedy longest-match over normalised tokens.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Callable, NamedTuple

import numpy as np

from archer_jax.envs.guess_my_city import world
from archer_jax.envs.guess_my_city.cities import CITIES, City, haversine_km
from archer_jax.envs.guess_my_city.countries import COUNTRIES, OTHER_COUNTRIES
from archer_jax.envs.guess_my_city.tags import TAGS, Tag
from archer_jax.envs.guess_my_city.text import norm, split_list

CONTINENTS = ("Asia", "Europe", "Africa", "North America", "South America", "Oceania")

# words that do not make a landmark / dish / festival name distinctive on their own
GENERIC = frozenset("""
the of and a an in on at to de del la le el los las da do dos di du des van von al
old new town city central park tower towers market markets bridge bridges museum museums
cathedral church churches beach beaches square street streets great grand national royal
palace palaces garden gardens temple temples mosque mosques lake lakes river rivers hill hills
mountain mountains island islands fort fortress castle gate station hall house center centre
district quarter stadium zoo theatre theater library university memorial monument tomb tombs
wall walls pagoda bay harbour harbor airport avenue road ancient famous historic modern world
international art arts fine history heritage business financial opera golden big little
white red blue green black first east west north south sea port metro subway tv sky light
lights night food fish flower flowers botanical safari water fountain fountains steps pier
cemetery catacombs basilica chapel shrine monastery building buildings complex area village
valley forest nearby its there show shows market hot pot soup rice noodles noodle chicken pork beef
duck curry cake cakes tea coffee bread dumplings dumpling buns bun sandwich sandwiches
barbecue grilled fried roast sweet sour spicy dish dishes crab seafood beer ice cream salad
pie pies chips sauce milk stew balls ball meat meats festival festivals day fair week parade
christmas easter eid ramadan year new years holy chinese indian japanese korean thai
traditional local style cuisine dishes fresh cold warm home family open air front sun moon
one two three four five seven eight nine ten hundred thousand games game club team teams
football basketball baseball cricket hockey rugby tennis fc sc ac cf sports sport league
garden city capital kitchen pearl queen king paris venice detroit manchester rome athens
also like called known with for from by as is it that this technology science sciences
engineering management medicine agriculture institute school college academy landmark
landmarks times independence freedom liberty peace victory heroes hero unity revolution republic
imperial silver crystal hanging summer winter spring autumn people peoples martyrs friendship
union united""".split())


def display_name(item: str) -> str:
  """'Forbidden City/Palace Museum|palace' -> 'Forbidden City'."""
  return item.split("|", 1)[0].split("/", 1)[0].strip()


_PAREN = re.compile(r"\(([^)]*)\)")


def item_names(item: str, split_and: bool = True) -> list[str]:
  """Every name an item can be asked about: alternatives after "/", the text outside and
  inside parentheses, and (split_and) the parts of "A, B and C"."""
  base = item.split("|", 1)[0]
  out: list[str] = []
  for alt in base.split("/"):
    inner = _PAREN.findall(alt)
    outer = _PAREN.sub(" ", alt).strip()
    for part in [outer] + inner:
      part = re.sub(r"\bnearby\b|\bnext door\b|\bin nearby [A-Z]\w+", " ", part).strip(" ,;")
      pieces = re.split(r",\s*|\s+and\s+|\s+with\s+", part) if split_and else [part]
      for p in [part] + (pieces if len(pieces) > 1 else []):
        p = p.strip(" ,;.")
        if p:
          out.append(p)
  return list(dict.fromkeys(out))


def distinctive(phrase: str, min_single: int = 4) -> bool:
  toks = phrase.split()
  if not toks:
    return False
  keep = [t for t in toks if t not in GENERIC and not t.isdigit()]
  if not keep:
    return False
  if len(toks) == 1 and len(toks[0]) < min_single:
    return False
  return True


class Entry(NamedTuple):
  kind: str          # city | ocity | continent | subregion | country | region | island | water |
  #                    river | mountain | landmark | dish | team | person | festival | nickname |
  #                    university | olandmark | mainland
  key: str           # canonical name (city: its key)
  mask: np.ndarray   # cities it holds for ("in"/"has")


class Lexicon:
  """Phrase -> entries; `scan(tokens)` finds the longest phrase at each position."""

  def __init__(self):
    self._phrases: dict[tuple[str, ...], list[Entry]] = {}
    self._max = 1

  def add(self, phrase: str, entry: Entry) -> None:
    toks = tuple(norm(phrase).split())
    if not toks:
      return
    lst = self._phrases.setdefault(toks, [])
    if not any(e.kind == entry.kind and e.key == entry.key for e in lst):
      lst.append(entry)
    self._max = max(self._max, len(toks))

  def get(self, phrase: str) -> list[Entry]:
    return self._phrases.get(tuple(norm(phrase).split()), [])

  def scan(self, tokens: list[str]) -> list[tuple[int, int, list[Entry]]]:
    out = []
    i, n = 0, len(tokens)
    while i < n:
      for k in range(min(self._max, n - i), 0, -1):
        hit = self._phrases.get(tuple(tokens[i:i + k]))
        if hit:
          out.append((i, i + k, hit))
          i += k
          break
      else:
        i += 1
    return out


@dataclasses.dataclass
class OtherCity:
  name: str
  country: str
  lat: float
  lon: float


def _resolve(spec, cities: tuple[City, ...], what: str) -> np.ndarray:
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
      "Eastern Europe": lambda c: c.short in ("bucuresti", "budapest", "kiev", "moscow",
                                              "st petersburg"),
      "Southeast Europe": lambda c: c.short in ("bucuresti", "istanbul"),
      "Southeastern Europe": lambda c: c.short in ("bucuresti", "istanbul"),
      "Balkans": lambda c: c.short in ("bucuresti", "istanbul"),
      "Northeast Asia": lambda c: c.country.name in ("Japan", "South Korea", "North Korea") or c.short in (
          "beijing", "tianjin", "dalian", "shenyang", "changchun", "haerbin"),
      "Far East": country_in("China", "Japan", "South Korea", "North Korea", "Taiwan"),
      "Orient": country_in("China", "Japan", "South Korea", "North Korea", "Taiwan"),
      "Eurasia": lambda c: bool({"Europe", "Asia"} & set(c.continents)),
      "the Americas": lambda c: bool({"North America", "South America"} & set(c.continents)),
      "Americas": lambda c: bool({"North America", "South America"} & set(c.continents)),
      "Asia-Pacific": lambda c: "Oceania" in c.continents or any(
          s in ("East Asia", "Southeast Asia") for s in c.country.subregions),
      "Australasia": lambda c: "Oceania" in c.continents,
      "Mediterranean region": lambda c: c.short in ("alexandria", "rome", "madrid", "izmir",
                                                    "istanbul", "casablanca"),
      "Mediterranean": lambda c: c.short in ("alexandria", "rome", "madrid", "izmir",
                                             "istanbul", "casablanca"),
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
    "Atlantic Ocean": "Gulf of Guinea; Caribbean Sea; Gulf of Mexico; Straits of Florida; Río de la Plata; "
                      "Guanabara Bay; All Saints Bay (Baía de Todos os Santos); New York Harbor",
    "Indian Ocean": "Arabian Sea; Bay of Bengal; Andaman Sea; Strait of Malacca",
    "Mediterranean Sea": "Aegean Sea; Gulf of İzmir; Tyrrhenian Sea",
    "Baltic Sea": "Gulf of Finland",
    "Sea of Japan (East Sea)": "Korea Strait",
}

# short names of rivers that are safe to match without the word "river"
RIVER_SHORT = frozenset(split_list(
    "Yangtze; Nile; Thames; Seine; Danube; Tiber; Hudson; Neva; Spree; Tigris; Euphrates; Ganges; "
    "Yamuna; Dnieper; Mekong; Amazon; Volga; Rhine; Chao Phraya; Huangpu; Songhua; Mapocho; Rímac; "
    "Cauca; Guayas; Hooghly; Ravi; Sabarmati; Buriganga; Jialing; Taedong; Nakdong; Sumida; Yodo; "
    "Tietê; Ciliwung; Brantas; Guaire; Almendares; Indus; Mississippi; Orinoco; Paraná; Magdalena; "
    "Irrawaddy; Salween; Amur; Vistula; Elbe; Loire; Rhône; Ebro; Tagus; Douro; Murray; Zambezi; "
    "Dniester; Godavari; Narmada; Kaveri; Jhelum; Chenab; Sutlej; Padma; Meghna; Havel; Dâmbovița; "
    "Manzanares; Chirchiq; Cisadane; Tamsui; Keelung; Haihe; Pinheiros; Parramatta; Cooum; Adyar; "
    "Geumho; Kashaf; Moskva; Mississippi; Missouri; Colorado; Ob; Lena; Yenisei"))
_HEAD_STOP = frozenset({norm(w) for w in world.LANGUAGE_WORDS} | {norm(w) for w in world.DEMONYMS} |
                       set("muslim christian buddhist hindu jewish catholic orthodox islamic "
                           "sikh jain coptic protestant".split()))
_BARE_WATERS = frozenset(split_list(
    "mediterranean; caribbean; aegean; baltic; arabian; caspian; pacific; atlantic; arctic; "
    "tasman; andaman; adriatic; ionian; tyrrhenian; marmara; bohai; okhotsk; azov; barents; "
    "ligurian"))
_NOT_BARE = frozenset(("pacific", "caribbean", "atlantic", "capital", "central", "coastal", "andean",
                       "southeast", "northeast", "northwest", "southwest", "north", "south",
                       "east", "west", "western", "eastern", "northern", "southern", "national",
                       "special", "autonomous", "federal", "metropolitan", "greater", "yellow",
                       "white", "black", "red", "blue", "green", "golden", "purple", "great"))
_RIVER_WORDS = re.compile(r"\b(?:river|rio|río)\b", re.I)
_MOUNTAIN_WORDS = re.compile(r"\b(?:mountains|mountain|range|hills|hill|mount|mt)\b", re.I)


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
    self.lexicon = Lexicon()
    self.name_lexicon = Lexicon()       # only what counts as naming a city
    self.other_cities: dict[str, OtherCity] = {}
    self.entity_items: dict[str, list[tuple[int, str]]] = {}   # kind -> [(city, item)]
    self._build()

  # ---- construction --------------------------------------------------------------------
  def _mask(self, pred: Callable[[City], bool]) -> np.ndarray:
    return np.array([bool(pred(c)) for c in self.cities])

  def onehot(self, i: int) -> np.ndarray:
    m = np.zeros(self.n, bool)
    m[i] = True
    return m

  def _build(self) -> None:
    L, N = self.lexicon, self.name_lexicon
    cities = self.cities
    # our cities
    for i, c in enumerate(cities):
      e = Entry("city", c.key, self.onehot(i))
      for a in c.aliases + (c.short,):
        L.add(a, e)
        N.add(a, e)
    # other cities (coordinates kept for "near X")
    allow = {norm(x) for x in split_list("Santiago de Cuba; Santiago de Compostela; "
                                          "Santiago de los Caballeros; Alexandria Virginia; "
                                          "Hyderabad Sindh")}
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
    # blockers: phrases that contain a city name without naming the city
    for b in split_list("Rio de la Plata; Río de la Plata; Rio Grande; Rio Grande do Sul; "
                        "Lima bean; Lima beans; Salvador Dali; Salvador Dalí; Santiago Bernabeu; "
                        "Santiago Bernabéu; Paris Hilton; El Salvador; Hong Kong style"):
      N.add(b, Entry("blocker", b, self.none))
    # continents and sub-regions
    for cont in CONTINENTS:
      L.add(cont, Entry("continent", cont, self._mask(lambda c, x=cont: x in c.continents)))
    L.add("Australia continent", Entry("continent", "Oceania", self._mask(
        lambda c: "Oceania" in c.continents)))
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
    # countries (ours and others); "America" alone means the United States
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
    L.add("mainland China", Entry("mainland", "mainland China", self._mask(
        lambda c: c.country.name == "China" and c.short != "hong kong")))
    L.add("Chinese mainland", Entry("mainland", "mainland China", self._mask(
        lambda c: c.country.name == "China" and c.short != "hong kong")))
    # regions
    for i, c in enumerate(cities):
      for r in c.regions:
        for nm in self._region_names(r):
          self._add_has(L, "region", nm, i)
    for r in world.OTHER_REGIONS:
      for nm in self._region_names(r):
        if not L.get(nm):
          L.add(nm, Entry("region", r, self.none))
    # islands
    for i, c in enumerate(cities):
      for isl in c.island:
        for nm in item_names(isl, split_and=False):
          self._add_has(L, "island", nm, i)
          bare = re.sub(r"\s+Island$", "", nm)
          if norm(bare) not in ("long", "great", "staten"):
            self._add_has(L, "island", bare, i)
    for isl in world.OTHER_ISLANDS:
      if not any(e.kind == "island" for e in L.get(isl)):
        L.add(isl, Entry("island", isl, self.none))
    # waters: "on" mask; near waters are kept apart
    self.water_near: dict[str, np.ndarray] = {}
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
    # rivers
    for i, c in enumerate(cities):
      for r in c.rivers:
        for nm in self._river_names(r):
          self._add_has(L, "river", nm, i)
    for r in world.OTHER_RIVERS:
      for nm in self._river_names(r):
        if not any(e.kind == "river" for e in L.get(nm)):
          L.add(nm, Entry("river", r, self.none))
    # mountains
    for i, c in enumerate(cities):
      for m in c.mountains:
        for nm in self._mountain_names(m):
          self._add_has(L, "mountain", nm, i)
    for m in world.OTHER_MOUNTAINS:
      for nm in self._mountain_names(m):
        if not any(e.kind == "mountain" for e in L.get(nm)):
          L.add(nm, Entry("mountain", m, self.none))
    # named things
    for kind, field in (("landmark", "landmarks"), ("dish", "dishes"), ("team", "teams"),
                        ("clothing", "clothing"),
                        ("person", "people"), ("festival", "festivals"),
                        ("university", "universities"), ("nickname", "nicknames")):
      items = []
      for i, c in enumerate(cities):
        for item in getattr(c, field):
          items.append((i, item))
          base = _PAREN.sub(" ", item) if kind in ("person", "team") else item
          whole = set(norm(x) for x in item_names(base, split_and=False))
          for nm in item_names(base):
            if kind not in ("person", "team") and norm(nm) not in whole and len(nm.split()) < 2:
              continue
            k = norm(nm)
            if kind == "team":
              k = re.sub(r"\b(?:football|basketball|baseball|ice hockey|rugby|cricket)\b", "", k).strip()
            ok = distinctive(k, 5 if kind in ("person", "team") else 4) or (
                kind == "nickname" and len(k.split()) >= 3)
            if ok and not self._is_place(k):
              self._add_has(L, kind, k, i)
            toks = k.split()
            if kind == "landmark" and len(toks) >= 2 and len(toks[0]) >= 5 and \
                toks[0] not in GENERIC and all(t in GENERIC for t in toks[1:]) and \
                not self._is_place(toks[0]) and not L.get(toks[0]) and \
                toks[0] not in _HEAD_STOP and \
                not any(re.search(t.trigger, f" {toks[0]} ") for t in TAGS):
              self._add_has(L, kind, toks[0], i)
            if kind == "person":      # surnames of well-known people
              toks = k.split()
              if len(toks) >= 2 and len(toks[-1]) >= 5 and toks[-1] not in GENERIC \
                  and not self._is_place(toks[-1]):
                self._add_has(L, kind, toks[-1], i)
      self.entity_items[kind] = items
    for lm in world.OTHER_LANDMARKS:
      for nm in item_names(lm):
        if (distinctive(norm(nm)) or len(nm.split()) >= 2) and not L.get(nm):
          L.add(nm, Entry("olandmark", lm, self.none))

  def _is_place(self, phrase: str) -> bool:
    return any(e.kind in ("city", "ocity", "country", "continent", "subregion", "region")
               for e in self.lexicon.get(phrase))

  def _add_has(self, L: Lexicon, kind: str, phrase: str, i: int) -> None:
    """Add city i to the `kind` entry of `phrase` (one shared mask per phrase and kind)."""
    toks = tuple(norm(phrase).split())
    if not toks:
      return
    lst = L._phrases.setdefault(toks, [])
    for e in lst:
      if e.kind == kind:
        e.mask[i] = True
        return
    m = np.zeros(self.n, bool)
    m[i] = True
    lst.append(Entry(kind, phrase, m))
    L._max = max(L._max, len(toks))

  @staticmethod
  def _region_names(r: str) -> list[str]:
    out = item_names(r, split_and=False)
    more = []
    for nm in out:
      bare = re.sub(r"\s+(?:Province|State|Prefecture|Region|Municipality|Governorate|Division|"
                    r"District|Oblast|County|Department|Metropolitan City|Special Municipality|"
                    r"Capital City|Autonomous District|Chartered City|Capital District|"
                    r"Capital Region|Capital Territory|Metropolitan Region|Metropolitan Area|"
                    r"Special Capital Region|\(city-state\)|region)$", "", nm).strip()
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
        self._add_has(L, "water", nm, i)
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
      if len(short) >= 5 and norm(short) not in GENERIC and " " not in short.strip() \
          and norm(short) not in _NOT_BARE:
        out.append(short)
      if short.lower() == "andes":
        out += ["Andes Mountains", "Andean", "Andes mountain range"]
    return list(dict.fromkeys(out))

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


@functools.lru_cache(maxsize=None)
def get_kb() -> KnowledgeBase:
  """The shared knowledge base over all 99 cities (built once per process)."""
  return KnowledgeBase()

"""Guess My City question patterns that need more than a keyword: hemisphere and equator,
capital, population, elevation, founding date or age, language, religion, currency, and compass
directions without a named place. Each function takes the knowledge base and the question text
(normalised, with the words already used replaced by "_") and returns None or
(mask, key, text without the words it used, answer note)."""

from __future__ import annotations

import re

import numpy as np

from archer_jax.envs.guess_my_city import world
from archer_jax.envs.guess_my_city.knowledge import KnowledgeBase
from archer_jax.envs.guess_my_city.phrasing import _AREA, _DIR_RX, DIRS
from archer_jax.envs.guess_my_city.text import norm

_LANG_WORDS = frozenset(norm(w) for w in world.LANGUAGE_WORDS)


def _without(rest: str, words: list[str], also: str = "") -> str:
  """`rest` with each of `words`, and what the regex `also` matches, blanked out."""
  for w in words:
    rest = re.sub(rf"\b{w}\b", " ", rest)
  return re.sub(also, " ", rest) if also else rest


def hemisphere(kb: KnowledgeBase, rest: str):
  m = re.search(r"\b(north|south|east|west)(?:ern)? hemisphere\b", rest)
  if m:
    d = m.group(1)
    mask = {"north": kb.lat >= 0, "south": kb.lat < 0, "east": kb.lon > -0.5, "west": kb.lon < 0.5}[
      d
    ]
    return mask, f"hemisphere:{d}", rest[: m.start()] + rest[m.end() :], ""
  m = re.search(r"\b(?:(north|south) of|(above|below)) the equator\b", rest)
  if m:
    north = (m.group(1) or m.group(2)) in ("north", "above")
    return (
      (kb.lat >= 0) if north else (kb.lat < 0),
      "equator_side",
      rest[: m.start()] + rest[m.end() :],
      "",
    )
  m = re.search(
    r"\b(?:(north|south) of|near|on|along|crossed by|close to)(?: the)? tropic of "
    r"(cancer|capricorn)\b",
    rest,
  )
  if m:
    t = 23.44 if m.group(2) == "cancer" else -23.44
    if m.group(1) == "north":
      mask = kb.lat > t
    elif m.group(1) == "south":
      mask = kb.lat < t
    else:
      mask = np.abs(kb.lat - t) < 1.5
    return mask, f"tropic:{m.group(2)}", rest[: m.start()] + rest[m.end() :], ""
  m = re.search(r"\b(?:in|within|inside|between) the tropics\b", rest)
  if m:
    return np.abs(kb.lat) < 23.44, "tropics", rest[: m.start()] + rest[m.end() :], ""
  return None


def capital(kb: KnowledgeBase, rest: str):
  if not re.search(r"\bcapital", rest):
    return None
  qual = re.search(
    r"\b(?:economic|financial|cultural|commercial|business|tech|technology|food|"
    r"culinary|gastronomic|fashion|party|music|salsa|tango|film|movie|industrial|"
    r"religious|spiritual|intellectual|art|arts|sports?|entertainment|shopping|"
    r"tourism|tourist|coffee|tea|beer|wine|carnival|samba|literary|design|"
    r"nightlife|innovation|startup|green|world s|global|creative) capital",
    rest,
  )
  if qual:
    return None
  nat = np.array([c.capital == "national" for c in kb.cities])
  reg = np.array([c.capital == "regional" for c in kb.cities])
  m = re.search(
    r"\b(?:former|old|ancient|once the|once a|used to be the|previous|historical|"
    r"historic|past|formerly the|formerly a|original) capital\b|\bwas (?:once |"
    r"formerly )?(?:the|a) capital\b",
    rest,
  )
  if m:
    return None  # the former_capital tag handles it
  m = re.search(
    r"\b(?:state|provincial|province|regional|prefectural|departmental|"
    r"district) capital\b|\bcapital (?:city )?of (?:its|the|a|an|your|this|that) "
    r"(?:state|province|region|prefecture|department|governorate|district)\b",
    rest,
  )
  if m:
    return reg, "capital:regional", rest[: m.start()] + rest[m.end() :], ""
  m = re.search(r"\bcapital(?: city)?\b", rest)
  if m:
    return nat, "capital:national", rest[: m.start()] + rest[m.end() :], "capital"
  return None


_NUMW = {
  "one": 1,
  "two": 2,
  "three": 3,
  "four": 4,
  "five": 5,
  "six": 6,
  "seven": 7,
  "eight": 8,
  "nine": 9,
  "ten": 10,
  "eleven": 11,
  "twelve": 12,
  "fifteen": 15,
  "twenty": 20,
  "thirty": 30,
  "forty": 40,
  "fifty": 50,
  "a": 1,
  "half a": 0.5,
  "hundred": 100,
}


def population(kb: KnowledgeBase, rest: str):
  if not re.search(
    r"\b(?:population|people|inhabitants|residents|populated|populous|citizens|"
    r"million|millions)\b",
    rest,
  ):
    return None
  num = (
    r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a|half a|hundred)"
  )
  unit = r"(million|millions|m|thousand|k|billion|lakh|crore)"
  m = re.search(
    rf"\b(?P<cmp>over|more than|greater than|above|exceeding|exceeds|at least|"
    rf"upwards of|in excess of|less than|under|below|fewer than|smaller than|"
    rf"around|about|approximately|roughly|nearly|almost|close to|between|of|"
    rf"than)? ?{num} ?{unit}(?: (?:and|to) {num} ?{unit}?)?\b",
    rest,
  )
  if not m:
    return None
  cmp = m.group("cmp") or ""

  def val(n, u):
    x = float(n) if n[0].isdigit() else _NUMW[n]
    scale = {
      "million": 1,
      "millions": 1,
      "m": 1,
      "thousand": 1e-3,
      "k": 1e-3,
      "billion": 1e3,
      "lakh": 0.1,
      "crore": 10,
    }.get(u or "million", 1)
    return x * scale

  v = val(m.group(2), m.group(3))
  pop = kb.pop
  if re.search(r"\b(?:country|nation)\b", rest[: m.start()]):
    pop = np.array([c.country.population for c in kb.cities])
  if cmp == "between" and m.group(4):
    v2 = val(m.group(4), m.group(5) or m.group(3))
    mask = (pop >= min(v, v2)) & (pop <= max(v, v2))
    key = f"pop:{v:g}-{v2:g}"
  elif cmp in ("less than", "under", "below", "fewer than", "smaller than"):
    mask, key = pop < v, f"pop<{v:g}"
  elif cmp in (
    "around",
    "about",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "close to",
    "of",
    "",
  ):
    if cmp == "of" and re.search(r"\b(?:over|more than|above|at least)\b", rest[: m.start()][-25:]):
      mask, key = pop > v, f"pop>{v:g}"
    else:
      mask, key = (pop >= v * 0.75) & (pop <= v * 1.3), f"pop~{v:g}"
  else:
    mask, key = pop > v, f"pop>{v:g}"
  rest = rest[: m.start()] + rest[m.end() :]
  rest = re.sub(r"\b(?:population|inhabitants|residents|people)\b", " ", rest)
  return mask, key, rest, ""


def elevation(kb: KnowledgeBase, rest: str):
  m = re.search(
    r"\b(?P<cmp>above|over|higher than|more than|at least|below|under|less than|"
    r"lower than)? ?(?P<n>\d+(?:\.\d+)?) ?(?P<u>m|meters|metres|meter|metre|feet|ft|"
    r"km|kilometers|kilometres)\b(?: above sea level| high| elevation| in elevation|"
    r" of elevation| altitude)?",
    rest,
  )
  if not m or not re.search(
    r"\b(?:altitude|elevation|above sea level|high|elevated|height)\b", rest
  ):
    return None
  v = float(m.group("n")) * {
    "feet": 0.3048,
    "ft": 0.3048,
    "km": 1000,
    "kilometers": 1000,
    "kilometres": 1000,
  }.get(m.group("u"), 1)
  below = m.group("cmp") in ("below", "under", "less than", "lower than")
  mask = kb.elev < v if below else kb.elev > v
  return mask, f"elev{'<' if below else '>'}{v:g}", rest[: m.start()] + rest[m.end() :], ""


def founded(kb: KnowledgeBase, rest: str):
  now = 2025
  f = kb.founded
  m = re.search(
    r"\b(?:older than|more than|over|at least) (?P<n>\d+|a thousand|one thousand|"
    r"two thousand|a hundred|several hundred|hundreds of|thousands of) years(?: old)?\b"
    r"|\b(?P<n2>\d+) years old\b|\b(?P<n3>\d+) years of history\b",
    rest,
  )
  if m:
    n = m.group("n") or m.group("n2") or m.group("n3")
    years = {
      "a thousand": 1000,
      "one thousand": 1000,
      "two thousand": 2000,
      "a hundred": 100,
      "several hundred": 300,
      "hundreds of": 200,
      "thousands of": 2000,
    }.get(n)
    years = years if years is not None else int(n)
    return f <= now - years, f"age>{years}", rest[: m.start()] + rest[m.end() :], ""
  if not re.search(
    r"\b(?:founded|established|built|settled|created|dates back|dating back|"
    r"origins?|history|incorporated|exist(?:ed)?)\b",
    rest,
  ):
    return None
  m = re.search(
    r"\b(?P<cmp>before|after|in|during|around|prior to|since|by)? ?(?:the )?(?:year )?"
    r"(?P<n>\d{1,4})(?:st|nd|rd|th)?(?: (?P<u>century|centuries|bc|bce|ad|ce|s))?\b",
    rest,
  )
  if not m:
    return None
  n = int(m.group("n"))
  u = m.group("u") or ""
  cmp = m.group("cmp") or "in"
  if u in ("century", "centuries"):
    lo, hi = (n - 1) * 100, n * 100 - 1
    if re.search(r"\b(?:bc|bce)\b", rest[m.end() : m.end() + 6]):
      lo, hi = -n * 100, -(n - 1) * 100 - 1
  elif u in ("bc", "bce"):
    lo = hi = -n
  elif u == "s":
    lo, hi = n, n + 9 if n % 100 else n + 99
  else:
    if n < 100 and u not in ("ad", "ce"):
      return None
    lo = hi = n
  fin = ~np.isnan(f)
  if cmp in ("before", "prior to", "by"):
    mask = fin & (f < lo)
  elif cmp in ("after", "since"):
    mask = fin & (f > hi)
  else:
    slack = 0 if lo != hi else 10
    mask = fin & (f >= lo - slack) & (f <= hi + slack)
  return mask, f"founded:{cmp}:{lo}", rest[: m.start()] + rest[m.end() :], ""


_LANG_SYN = {
  "chinese": ("mandarin", "cantonese", "chinese", "shanghainese", "hokkien", "wu"),
  "farsi": ("persian",),
  "persian": ("persian",),
  "bangla": ("bengali",),
  "tagalog": ("filipino", "tagalog"),
  "filipino": ("filipino", "tagalog"),
  "bahasa": ("indonesian", "malay"),
  "arabic": ("arabic", "darija"),
  "berber": ("berber", "amazigh"),
  "amazigh": ("berber", "amazigh"),
  "darija": ("darija", "moroccan arabic"),
  "taiwanese": ("hokkien", "taiwanese"),
  "english": ("english",),
}


def language(kb: KnowledgeBase, rest: str):
  if not re.search(
    r"\b(?:speak|speaks|spoken|speaking|language|languages|dialect|dialects|tongue|"
    r"lingua franca|converse)\b",
    rest,
  ):
    return None
  words = [w for w in rest.split() if w in _LANG_WORDS]
  if not words:
    return None
  main = (
    re.search(
      r"\b(?:main|predominant|predominantly|primary|primarily|official|dominant|"
      r"most common|most commonly|majority|mainly|mostly|first|native|national|"
      r"principal|widely|most widely)\b",
      rest,
    )
    is not None
  )
  mask = np.zeros(kb.n, bool)
  for w in words:
    syn = _LANG_SYN.get(w, (w,))
    for i, c in enumerate(kb.cities):
      langs = c.languages[:2] if main else c.languages
      if any(any(s in norm(lang) for s in syn) for lang in langs):
        mask[i] = True
  out = _without(
    rest,
    words,
    r"\b(?:speak|speaks|spoken|speaking|language|languages|dialect|"
    r"dialects)\b",
  )
  return mask, f"language:{'+'.join(words)}{':main' if main else ''}", out, ""


_REL = {
  "islam": "islam",
  "muslim": "islam",
  "muslims": "islam",
  "islamic": "islam",
  "christian": "christian",
  "christianity": "christian",
  "christians": "christian",
  "catholic": "catholic",
  "catholicism": "catholic",
  "catholics": "catholic",
  "protestant": "protestant",
  "protestantism": "protestant",
  "orthodox": "orthodox",
  "buddhism": "buddhis",
  "buddhist": "buddhis",
  "buddhists": "buddhis",
  "hindu": "hindu",
  "hinduism": "hindu",
  "hindus": "hindu",
  "sikh": "sikh",
  "sikhism": "sikh",
  "jain": "jain",
  "jainism": "jain",
  "shinto": "shinto",
  "shintoism": "shinto",
  "taoism": "tao",
  "taoist": "tao",
  "daoism": "tao",
  "jewish": "juda",
  "judaism": "juda",
  "jews": "juda",
  "shia": "shia",
  "shiite": "shia",
  "sunni": "sunni",
  "candomble": "candombl",
  "santeria": "santer",
  "atheist": "atheis",
  "atheism": "atheis",
  "coptic": "coptic",
}


def religion(kb: KnowledgeBase, rest: str):
  words = [w for w in rest.split() if w in _REL]
  if not words:
    return None
  if re.search(
    r"\b(?:temples?|mosques?|churches|church|cathedrals?|monaster(?:y|ies)|pagodas?|"
    r"shrines?|architecture|art|festivals?)\b",
    rest,
  ) and not re.search(
    r"\b(?:religion|population|majority|predominantly|mostly|faith|practi[cs]ed|"
    r"followers|community|communities)\b",
    rest,
  ):
    main = False
  else:
    main = (
      re.search(
        r"\b(?:main|predominant|predominantly|primary|primarily|official|dominant|"
        r"majority|mainly|mostly|most people|most of|largely|state religion|"
        r"widely practi[cs]ed|most common|most popular|major religion)\b",
        rest,
      )
      is not None
    )
  mask = np.zeros(kb.n, bool)
  for w in words:
    key = _REL[w]
    for i, c in enumerate(kb.cities):
      rels = c.religions[:1] if main else c.religions[:3]
      rels = [norm(r) for r in rels]
      if key == "shia" and c.country.name == "Iran":
        mask[i] = True
      elif any(key in r for r in rels):
        mask[i] = True
      elif key == "christian" and any(
        x in r for r in rels for x in ("catholic", "protestant", "orthodox", "anglican")
      ):
        mask[i] = True
      elif key == "atheis" and c.country.name == "North Korea":
        mask[i] = True
  out = _without(rest, words, r"\b(?:religion|religions|religious|faith)\b")
  return mask, f"religion:{'+'.join(words)}{':main' if main else ''}", out, ""


_CUR = {
  "euro": "euro",
  "euros": "euro",
  "dollar": "dollar",
  "dollars": "dollar",
  "yen": "yen",
  "yuan": "yuan",
  "renminbi": "renminbi",
  "rmb": "renminbi",
  "peso": "peso",
  "pesos": "peso",
  "rupee": "rupee",
  "rupees": "rupee",
  "rupiah": "rupiah",
  "won": "won",
  "real": "real",
  "reais": "real",
  "pound": "pound",
  "pounds": "pound",
  "sterling": "sterling",
  "lira": "lira",
  "ruble": "ruble",
  "rouble": "ruble",
  "rubles": "ruble",
  "baht": "baht",
  "dong": "dong",
  "dirham": "dirham",
  "dinar": "dinar",
  "rial": "rial",
  "taka": "taka",
  "som": "som",
  "sol": "sol",
  "bolivar": "bol",
  "franc": "franc",
  "francs": "franc",
  "cfa": "cfa",
  "birr": "birr",
  "leu": "leu",
  "lei": "leu",
  "forint": "forint",
  "hryvnia": "hryvnia",
  "kyat": "kyat",
}


def currency(kb: KnowledgeBase, rest: str):
  if not re.search(r"\b(?:currency|currencies|money|pay|paid|uses?|using|legal tender)\b", rest):
    return None
  words = [w for w in rest.split() if w in _CUR]
  if not words:
    return None
  mask = np.zeros(kb.n, bool)
  for w in words:
    key = _CUR[w]
    for i, c in enumerate(kb.cities):
      cur = norm(c.currency or c.country.currency)
      if key in cur:
        mask[i] = True
  return mask, f"currency:{'+'.join(words)}", _without(rest, words), ""


def compass(kb: KnowledgeBase, rest: str):
  """Directions without a named place: "in the northern part of the country", "on the
  east coast"."""
  m = re.search(
    rf"\b(?:in|on|at|located in|situated in|to) (?:the )?(?P<d>{_DIR_RX})(?:most)? "
    rf"(?:{_AREA}|coast|coastline|shore|seaboard)?(?: of (?:the|its|your|my|this) "
    rf"(?:country|nation|state|province|island|region))?\b",
    rest,
  )
  if not m:
    m = re.search(rf"\b(?P<d>{_DIR_RX}) (?:coast|coastline|seaboard)\b", rest)
    if not m:
      return None
  dword = m.group("d").replace(" ", "")
  d = DIRS.get(dword) or DIRS.get(dword.rstrip("ern"))
  if d is None:
    return None
  coast = re.search(r"\b(?:coast|coastline|shore|seaboard)\b", m.group(0)) is not None
  if coast:
    mask = np.array([dir_match(d, c.coast) for c in kb.cities])
  elif re.search(r"\bisland\b", m.group(0)):
    mask = np.array([dir_match(d, c.island_parts or c.parts) for c in kb.cities])
  else:
    mask = np.array([dir_match(d, c.parts) for c in kb.cities])
  return mask, f"{d}{'coast' if coast else ''}", rest[: m.start()] + rest[m.end() :], ""


def dir_match(d: str, parts) -> bool:
  if not parts:
    return False
  ps = [p.replace("-", "").replace(" ", "") for p in parts]
  if d == "central":
    return any("central" in p or "center" in p or p == "midwest" for p in ps)
  if d in ("north", "south", "east", "west"):
    return any(d in p for p in ps)
  return d in ps


_CONT_CENTRE = {
  "Asia": (30, 95),
  "Europe": (50, 15),
  "Africa": (5, 20),
  "North America": (40, -95),
  "South America": (-15, -60),
  "Oceania": (-25, 135),
}


def continent_parts(c) -> tuple[str, ...]:
  lat0, lon0 = _CONT_CENTRE.get(c.continents[0], (0, 0))
  ns = "north" if c.lat > lat0 + 8 else "south" if c.lat < lat0 - 8 else ""
  ew = "east" if c.lon > lon0 + 15 else "west" if c.lon < lon0 - 15 else ""
  if not ns and not ew:
    return ("central",)
  return (ns + ew,) if ns and ew else ((ns or ew),)


PATTERNS = (
  hemisphere,
  capital,
  population,
  elevation,
  founded,
  language,
  religion,
  currency,
  compass,
)

"""Where a Guess My City city lies relative to a place or thing a question names.

The lexicon finds the place ("Java", "the Pacific", "Kyoto", "the Hagia Sophia"); the words
just before it decide the relation: in, near or far from it, north/south/east/west of it, in
its northern part or on its east coast, its capital, its largest or second-largest city, in the
same country as it, bigger or smaller than it, colonised by it.
"""

from __future__ import annotations

import re

import numpy as np

from archer_jax.envs.guess_my_city.knowledge import KnowledgeBase
from archer_jax.envs.guess_my_city.lexicon import Entry
from archer_jax.envs.guess_my_city.patterns import continent_parts, dir_match
from archer_jax.envs.guess_my_city.phrasing import _AREA, _DIR_RX, DIRS
from archer_jax.envs.guess_my_city.text import norm

UNKNOWN = object()  # a relation the knowledge base does not record: the clause is not understood


def span_predicate(kb: KnowledgeBase, es: list[Entry], pre: str, toks: list[str], a: int, b: int):
  """What the lexicon span toks[a:b] (meanings `es`, preceded by the words `pre`) says about
  the city: (mask, key, generic, detail); None when it says nothing understood here; UNKNOWN
  when it asks something the knowledge base does not record."""
  kinds = {e.kind: e for e in es}
  # compass and coast-side modifiers right before a place
  md = re.search(
    rf"\b(?P<d>{_DIR_RX})(?:most)? (?:{_AREA}|coast|coastline|coasts|shore|"
    rf"seaboard|coastal (?:area|region|part)) of(?: the)?$",
    pre,
  )
  md2 = re.search(rf"\b(?:in|of|from|within) (?:the )?(?P<d>{_DIR_RX})$", pre)
  md3 = re.search(rf"\b(?:in|on) the (?P<d>{_DIR_RX}) of(?: the)?$", pre)
  near = re.search(
    r"\b(?:near|close to|not far from|next to|bordering|borders?|border (?:with|of)|"
    r"proximity to|adjacent to|neighbou?ring|vicinity of|outskirts of|suburbs? of|"
    r"around|within \w+ (?:km|kilometers|kilometres|miles) of|hours? (?:from|away "
    r"from|drive from)|by|overlooks?|overlooking|facing|near to|nearby)(?: (?:the|a|an))?"
    r"(?: (?:city|town|capital|metropolis|megacity) of)?$",
    pre,
  )
  in_city = re.search(
    r"\b(?:(?:state|province|region|department|prefecture|governorate|"
    r"municipality|district|territory|area|metropolitan area|metro area|"
    r"greater|county|division|city|town) of(?: the)?|(?:located|situated|found) "
    r"(?:in|within)(?: the)?|^is CITY (?:in|within)(?: the)?|part of(?: the)?)$",
    pre,
  )
  far = re.search(r"\b(?:far from|far away from|away from|distant from)(?: the)?$", pre)
  cap = re.search(
    r"\bcapital (?:city )?of(?: the)?(?: (?:state|province|region|prefecture|"
    r"department|governorate|island) of)?$",
    pre,
  )
  largest = re.search(
    r"\b(?<!second )(?<!third )(?:largest|biggest|most populous|main|major) city "
    r"(?:in|of)(?: the)?$",
    pre,
  )
  second = re.search(
    r"\b(?:second|2nd) (?:largest|biggest|most populous) city (?:in|of)(?: the)?$", pre
  )
  rel = re.search(
    r"\b(?P<d>north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north east|north west|south east|south west) of(?: the)?$",
    pre,
  )
  same = re.search(r"\bsame (?:country|nation) as$", pre)
  # cities as reference points
  for kind in ("city", "ocity"):
    e = kinds.get(kind)
    if e is None:
      continue
    ll = kb.coords(e)
    if ll is None:
      continue
    lat, lon = ll
    self_mask = e.mask if kind == "city" else kb.none
    if near or re.search(r"\b(?:metropolitan area of|area of|greater|part of greater)$", pre):
      return kb.distance_mask(lat, lon, 100) & ~self_mask, f"near:{e.key}", False, ""
    if far:
      return ~kb.distance_mask(lat, lon, 500), f"far:{e.key}", False, ""
    if rel:
      d = rel.group("d").replace(" ", "")
      m = np.ones(kb.n, bool)
      if "north" in d:
        m &= kb.lat > lat + 0.2
      if "south" in d:
        m &= kb.lat < lat - 0.2
      if "east" in d:
        m &= kb.lon > lon + 0.2
      if "west" in d:
        m &= kb.lon < lon - 0.2
      return m, f"{d}of:{e.key}", False, ""
    if same:
      ctry = (
        kb.cities[int(np.flatnonzero(e.mask)[0])].country.name
        if kind == "city"
        else kb.other_cities[norm(e.key)].country
      )
      return (
        np.array([c.country.name == ctry for c in kb.cities]),
        f"samecountry:{e.key}",
        False,
        "",
      )
    if re.search(r"\b(?:bigger|larger|more populous|more populated) than$", pre) and kind == "city":
      i = int(np.flatnonzero(e.mask)[0])
      return kb.pop > kb.pop[i], f"bigger:{e.key}", False, ""
    if re.search(r"\b(?:smaller|less populous) than$", pre) and kind == "city":
      i = int(np.flatnonzero(e.mask)[0])
      return kb.pop < kb.pop[i], f"smaller:{e.key}", False, ""
    if in_city or re.match(
      r"(?:state|province|region|department|prefecture|governorate|"
      r"municipality|metropolitan|metro|area)\b",
      " ".join(toks[b : b + 1]),
    ):
      nm = norm(e.key.split(",")[0]) if kind == "city" else norm(e.key)
      alias = [
        norm(a)
        for a in (kb.cities[int(np.flatnonzero(e.mask)[0])].aliases if kind == "city" else (e.key,))
      ]
      m = self_mask.copy()
      for i, c in enumerate(kb.cities):
        if any(f" {a} " in f" {norm(r)} " for r in c.regions for a in alias + [nm]):
          m[i] = True
      return m, f"within:{e.key}", False, ""
    # other mentions of a city (e.g. after "like") are not understood here
  place = None
  for kind in (
    "mainland",
    "country",
    "continent",
    "subregion",
    "region",
    "island",
    "water",
    "river",
    "mountain",
  ):
    if kind in kinds:
      place = kinds[kind]
      break
  if place is not None:
    # "the Caribbean coast" / "Mediterranean Sea" -> the water, "in the Caribbean" -> region
    if place.kind in ("subregion", "region") and "water" in kinds:
      nxt = " ".join(toks[b : b + 2])
      if re.match(r"(?:coast|sea|shore|coastline|waters|ocean)\b", nxt) or re.search(
        r"\b(?:on|along|coast of|shores of)(?: the)?$", pre
      ):
        place = kinds["water"]
    d = None
    for mm in (md, md3, md2):
      if mm:
        d = DIRS.get(mm.group("d").replace(" ", ""), None)
        if d is None:
          d = DIRS.get(mm.group("d").split()[0], None)
        break
    coast_side = (
      bool(md)
      and re.search(r"\b(?:coast|coastline|coasts|shore|seaboard|coastal)\b", md.group(0))
      is not None
      if md
      else False
    )
    if cap and place.kind in ("country", "mainland"):
      return (
        place.mask & np.array([c.capital == "national" for c in kb.cities]),
        f"capital:{place.key}",
        False,
        "",
      )
    if cap and place.kind in ("region", "island"):
      return (
        place.mask & np.array([c.capital in ("regional", "national") for c in kb.cities]),
        f"capital:{place.key}",
        False,
        "",
      )
    if largest and place.kind == "region":
      return place.mask & kb.tag_masks["largest_regional"], f"largest:{place.key}", False, ""
    if largest:
      return place.mask & kb.tag_masks["largest"], f"largest:{place.key}", False, ""
    if second:
      return place.mask & kb.tag_masks["second_largest"], f"second:{place.key}", False, ""
    if d is not None and place.kind == "region" and not coast_side:
      return UNKNOWN  # where in a province or state a city lies is not recorded
    if d is not None and place.kind in (
      "country",
      "mainland",
      "island",
      "continent",
      "region",
      "subregion",
    ):
      return (
        _dir_in(kb, place, d, coast_side),
        f"{d}{'coast' if coast_side else ''}:{place.key}",
        False,
        "",
      )
    if place.kind == "water":
      if near:
        return kb.water_near_mask(place.key) | place.mask, f"nearwater:{place.key}", False, ""
      return place.mask, f"water:{place.key}", False, ""
    if place.kind == "country" and near:
      return (
        np.array([place.key in c.borders or c.country.name == place.key for c in kb.cities]),
        f"nearcountry:{place.key}",
        False,
        "",
      )
    if place.kind == "country" and re.search(
      r"\b(?:colonized by|colony of|ruled by|occupied by|"
      r"colonial (?:history|ties|past) with)$",
      pre,
    ):
      british = place.key in ("Britain", "United Kingdom")
      return (
        np.array(
          [
            british and "Britain" in c.country.colonized_by or place.key in c.country.colonized_by
            for c in kb.cities
          ]
        ),
        f"colony:{place.key}",
        False,
        "",
      )
    if far:
      return ~place.mask, f"far:{place.key}", False, ""
    return place.mask, f"{place.kind}:{place.key}", False, ""
  for kind in (
    "landmark",
    "olandmark",
    "person",
    "dish",
    "team",
    "festival",
    "university",
    "nickname",
    "clothing",
  ):
    e = kinds.get(kind)
    if e is not None:
      return e.mask, f"{kind}:{e.key}", False, ""
  return None


def _dir_in(kb: KnowledgeBase, place: Entry, d: str, coast: bool) -> np.ndarray:
  """Cities of `place` in its compass part `d` (on that side's coast with `coast`)."""
  out = np.zeros(kb.n, bool)
  for i, c in enumerate(kb.cities):
    if not place.mask[i]:
      continue
    if coast and place.kind == "continent":
      out[i] = c.coastal and dir_match(d, continent_parts(c))
    elif coast:
      out[i] = dir_match(d, c.coast)
    elif place.kind == "island":
      out[i] = dir_match(d, c.island_parts or c.parts)
    elif place.kind == "continent" or place.kind == "subregion":
      out[i] = dir_match(d, continent_parts(c))
    else:
      out[i] = dir_match(d, c.parts)
  return out

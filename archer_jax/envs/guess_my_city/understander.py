"""Free-form Guess My City questions -> what they ask, against the knowledge base.

`Understander.parse(question)` returns a `Parsed` (or None when it cannot tell what is asked):

- kind "refuse": the answer would reveal the city's name ("What is the name of your city?").
- kind "name": a guess naming cities ("Is it Bogotá?"); `mask` marks the cities named.
- kind "yn": a yes/no question; `mask[i]` is the truthful answer for city i (before
  `negated`). `detail` names a City field used to illustrate a yes to a generic question
  ("Is your city known for its landmarks?" -> "Yes, ... for example X and Y.").
- kind "alt": "Is your city on the coast or inland?"; `options` holds each alternative's text
  and mask, and the answer names the true one.
- kind "open": "What is the climate like?"; `topic` selects the answer writer in `answers`.

Pipeline: extract the question from chatter, fold accents, lower-case, tokenise; refuse
name-revealing requests; find places / cities / landmarks ... with the lexicon (longest
match, with the words just before each match deciding the relation: in, near, capital of,
northern part of, east coast of ...); then hemisphere, population, founding-date, language,
religion and currency patterns; then the keyword `tags` on what is left. Conjunctions are
ANDed, clauses joined by "or" ORed. Parses are cached per question string.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from archer_jax.envs.guess_my_city import patterns, world
from archer_jax.envs.guess_my_city.knowledge import Entry, KnowledgeBase, get_kb
from archer_jax.envs.guess_my_city.patterns import _continent_parts, _dir_match
from archer_jax.envs.guess_my_city.phrasing import (_AREA, _DIR_RX, _FILLER, _NAME_REQ,  # noqa: F401
                                                   _REGION_WORDS, _RELATIONAL, _SUBJECT,
                                                   _UNKNOWN_NAME, AUX, DIRS, MAX_QUESTION_CHARS,
                                                   MAX_QUESTION_WORDS, WH, _ASKING, _LEAD,
                                                   extract_question)
from archer_jax.envs.guess_my_city.text import fold, norm


class Parsed(NamedTuple):
  kind: str                      # refuse | name | yn | alt | open
  key: str                       # what it asks (for logs and the player)
  mask: np.ndarray | None = None
  negated: bool = False
  detail: str = ""               # City field illustrating a yes to a generic yn question
  topic: str = ""                # open-question topic
  arg: str = ""                  # topic argument (e.g. the kind of landmark)
  verb: str = ""                 # leading auxiliary of a yn question
  options: tuple = ()            # alt: ((text, mask), ...)
  note: str = ""                 # special answer wording

  def truth(self, index: int) -> bool:
    return bool(self.mask[index]) != self.negated


class Understander:
  """Parses questions against a `KnowledgeBase`; see the module docstring."""

  def __init__(self, kb: KnowledgeBase | None = None, cache_size: int = 200_000):
    self.kb = kb = kb or get_kb()
    self.cache_size = cache_size
    self._cache: dict[str, Parsed | None] = {}
    self._tags = [(t.key, re.compile(t.trigger), t.generic, t.detail, t.consume)
                  for t in kb.tags.values()]
    from archer_jax.envs.guess_my_city import answers
    self._topics = answers.TOPICS
    self._demonyms = {norm(k): v for k, v in world.DEMONYMS.items()}

  # ---- public -------------------------------------------------------------------------
  def parse(self, question: str) -> Parsed | None:
    hit = self._cache.get(question, self)
    if hit is not self:
      return hit
    try:
      out = self._parse(question)
    except (ValueError, IndexError, KeyError):   # a malformed question is not understood
      out = None
    if len(self._cache) >= self.cache_size:
      self._cache.clear()
    self._cache[question] = out
    return out

  def clear_cache(self) -> None:
    self._cache.clear()

  # ---- parsing ------------------------------------------------------------------------
  def _parse(self, question: str) -> Parsed | None:
    raw = extract_question(question)
    if not raw or len(raw) > MAX_QUESTION_CHARS:
      return None
    text = fold(raw)
    if not text.strip() or sum(ch.isalpha() for ch in text) < 2:
      return None
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"(?<=[A-Za-z]),\s*(?:the|a|which is the)\s+(?:capital|largest city|second[- ]largest "
                  r"city|biggest city|city)\s+of\s+[^,?]*", "", text)
    # "a river, lake, or ocean" -> "a river or lake or ocean"
    text = re.sub(r"\b(\w+(?: \w+)?), (\w+(?: \w+)?),? or ", r"\1 or \2 or ", text)
    q = norm(text)
    q = _LEAD.sub("", q).strip()
    q = _ASKING.sub("", q).strip()
    tokens = q.split()
    if not tokens or len(tokens) > MAX_QUESTION_WORDS:
      return None
    if _NAME_REQ.search(q):
      return Parsed("refuse", "name")
    if re.search(r"\b(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower) or "
                 r"(?:smaller|larger|bigger|taller|older|newer|longer|shorter|higher|lower)\b", q):
      return None       # comparisons with things outside the knowledge base
    # "can you tell me if X" -> yes/no X; "can you tell me about X" -> open
    m0 = re.match(r"^(?:can|could|would|will) you (?:please )?(?:describe|explain|share|name|list|give|"
                  r"provide|mention|recommend|suggest)\b", q)
    if m0 is not None:
      return self._open(q[m0.end():] + " " + q.split()[3 if q.split()[2] == "please" else 2], raw)
    m = re.match(r"^(?:can|could|would|will) you (?:please )?(?:tell|let) (?:me|us) (?:know )?"
                 r"(?P<w>if|whether|about|what|which|how|where|who|when|why|more about|some|any|"
                 r"the|a|an)\b ?", q)
    if m is None:
      m = re.match(r"^(?:do you know|i d like to know|i would like to know|please tell me|tell me|"
                   r"i want to know|let me know)(?: please)? (?P<w>if|whether|about|what|which|how|"
                   r"where|who|when|why|more about|some|any|the|a|an)\b ?", q)
    if m is not None:
      w = m.group("w")
      rest = q[m.end():]
      if w in ("if", "whether"):
        q = rest
        if not q.split() or q.split()[0] not in AUX:
          q = "is " + q
        q = re.sub(r"^is (your city|it|the city) (is|has|does) ", r"\2 \1 ", q)
        tokens = q.split()
      else:
        return self._open("about " + rest if w in ("about", "more about", "some", "any", "the",
                                                   "a", "an") else w + " " + rest, raw)
    first = tokens[0]
    if first in WH or first == "about":
      return self._open(q, raw)
    if first not in AUX and not (len(tokens) > 1 and tokens[1] in AUX and first in (
        "your", "it", "the", "this")):
      # statements and odd openings: try as yes/no, else as an open question
      p = self._yesno(q, "is")
      return p if p is not None else self._open(q, raw)
    verb = first
    if len(tokens) > 1 and tokens[1] in AUX:
      verb = tokens[1]
    p = self._yesno(q, verb)
    if p is None and _UNKNOWN_NAME.match(raw.strip()):
      return Parsed("name", "name", np.zeros(self.kb.n, bool))   # a place outside the list
    return p

  # ---- open questions --------------------------------------------------------------------
  def _open(self, q: str, raw: str) -> Parsed | None:
    body = _SUBJECT.sub(" CITY ", q)
    spans = self.kb.lexicon.scan(q.split())
    for _, _, es in spans:
      for e in es:
        if e.kind == "city" and re.search(r"\b(?:is|was) (?:it|your city|the city)\b", q):
          return Parsed("name", "name", e.mask.copy())
    for topic, rx, _ in self._topics:
      m = rx.search(body)
      if m:
        arg = next((v for k, v in m.groupdict().items() if k.startswith("arg") and v), "")
        return Parsed("open", topic, topic=topic, arg=arg)
    return None

  # ---- yes/no questions ------------------------------------------------------------------
  def _yesno(self, q: str, verb: str) -> Parsed | None:
    kb = self.kb
    negated = bool(re.match(r"^(?:isn t|isnt|aren t|doesn t|don t|is (?:your city|it) not|does "
                            r"(?:your city|it) not)\b", q)) and " or not" not in q
    q = re.sub(r"\bor not\b", " ", q)
    text = _SUBJECT.sub(" CITY ", q)
    text = " ".join(text.split())
    # name guesses
    named = self._named(text)
    if named is not None:
      return named
    if " or " in f" {text} ":
      clauses = [c.strip() for c in re.split(r"\bor\b", text) if c.strip()]
      parts = [self._clause(c) for c in clauses]
      keep = [(c, p) for c, p in zip(clauses, parts) if p is not None]
      if len(keep) >= 2 or (len(keep) == 1 and len(clauses) >= 2):
        clauses, parts = [c for c, _ in keep], [p for _, p in keep]
        specific = [p for p in parts if not p[2]]
        use = parts
        if len(use) == 2 and np.array_equal(use[0][0], ~use[1][0]):
          opts = tuple((self._alt_text(c, p[1]), p[0]) for c, p in zip(clauses, parts)
                       if any(p is u for u in use))
          return Parsed("alt", "|".join(p[1] for p in use), options=opts, verb=verb)
        mask = np.zeros(kb.n, bool)
        for p in use:
          mask |= p[0]
        generic = not specific
        return Parsed("yn", "|".join(p[1] for p in use), mask, negated,
                      detail=use[0][3] if generic else "", verb=verb)
      # an "or" inside one concept ("historical landmarks or monuments"): parse whole
    p = self._clause(text)
    if p is None:
      return None
    mask, key, generic, detail, note = p
    return Parsed("yn", key, mask, negated, detail=detail if generic else "", verb=verb,
                  note=note)

  _ALT = {"coastal": "is on the coast", "inland": "is inland", "island": "is on an island",
          "near_sea": "is near the sea", "big_city": "is a big city", "small_city": "is a small city",
          "mountains": "is near mountains", "river": "has a river", "tropical": "is tropical",
          "cold_climate": "has cold winters", "hot_climate": "is hot", "desert": "is in a dry region"}

  @classmethod
  def _alt_text(cls, clause: str, key: str = "") -> str:
    if key in cls._ALT:
      return cls._ALT[key]
    c = re.sub(r"\bCITY\b", " ", clause.strip())
    c = " ".join(c.split())
    have = re.match(r"^(?:does|do|did)\s+(?:it\s+)?(?:have|has)\s+", c)
    if have:
      return "has " + c[have.end():]
    c = re.sub(r"^(?:is|are|was|were|does|do|has|have)\s+", "", c)
    c = re.sub(r"^(?:it|they|there)\s+", "", c)
    c = re.sub(r"^(?:located|situated|found|positioned|based)\s+", "", c)
    if re.match(r"^(?:have|has)\b", c):
      return "has " + c.split(" ", 1)[-1]
    return "is " + " ".join(c.split())

  def _named(self, text: str) -> Parsed | None:
    """A guess naming one of the cities (or a city outside the list)."""
    kb = self.kb
    toks = text.split()
    spans = kb.lexicon.scan(toks)
    hits = []
    for a, b, es in spans:
      for e in es:
        if e.kind in ("city", "ocity"):
          hits.append((a, b, e))
          break
    if not hits:
      return None
    # relational uses of a city name are not guesses
    for a, b, e in hits:
      pre = " ".join(toks[max(0, a - 4):a])
      if _RELATIONAL.search(pre) or re.search(r"\b(?:of|in|within|to|than|and|with|like|for|at|"
                                              r"between|toward|towards|on|into|visit|visited)$", pre):
        return None
      nxt = toks[b:b + 2]
      if nxt[:1] in (["of"], ["s"]) or nxt[:1] == ["style"]:
        return None
    mask = np.zeros(kb.n, bool)
    for _, _, e in hits:
      mask |= e.mask
    return Parsed("name", "name", mask)

  def _clause(self, text: str):
    """(mask, key, generic, detail, note) for one clause, or None if nothing is understood."""
    kb = self.kb
    toks = text.split()
    preds: list[tuple[np.ndarray, str, bool, str]] = []
    note = ""
    used = [False] * len(toks)

    def use(a, b):
      for k in range(a, b):
        used[k] = True

    spans = kb.lexicon.scan(toks)
    for a, b, es in spans:
      pre = " ".join(toks[max(0, a - 6):a])
      r = self._span_pred(es, pre, toks, a, b)
      if r is _UNKNOWN:
        return None
      if r is not None:
        preds.append(r)
        use(a, b)
        # relation words before the span ("northern part of", "capital of") are part of it
        if re.match(r"(?:north|south|east|west|central|capital|near|nearwater|largest|second|"
                    r"within|far|\w+coast)", r[1]):
          for k in range(max(0, a - 6), a):
            if toks[k] in DIRS or toks[k] in ("coast", "part", "capital", "near", "border",
                                               "region", "side", "area", "shore", "coastline",
                                               "province", "state", "city", "town", "of"):
              used[k] = True
    rest = " ".join(t if not u else "_" for t, u in zip(toks, used))
    rest = re.sub(r"\b(?:located|situated|found|positioned|based)\b", " ", rest)
    for fn in patterns.PATTERNS:
      r = fn(kb, rest)
      if r is not None:
        mask, key, rest2, nt = r
        preds.append((mask, key, False, ""))
        rest = rest2
        note = note or nt
    rest = f" {rest} "
    for key, rx, generic, detail, consume in self._tags:
      mt = rx.search(rest)
      if mt:
        preds.append((kb.tag_masks[key], key, generic, detail))
        rest = rest[:mt.start()] + " _ " + rest[mt.end():] if consume else rest
    # "in the Foo region of X" with Foo unknown: the region cannot be checked
    if not any(p[1].startswith(("region:", "within:", "island:", "capital:", "largest:",
                                "second:")) for p in preds):
      mr = re.search(r"\b(?:in|of|within) (?:the )?(?P<w>(?:[a-z]+ ){1,3})(?:region|province|state|"
                     r"prefecture|department|district|county|governorate|oblast|division|territory|"
                     r"regency)\b", rest)
      if mr and not mr.group("w").startswith(("a ", "an ")) and any(
          w not in _FILLER and w not in DIRS and w not in _REGION_WORDS for w in mr.group("w").split()):
        return None
    if preds and all(p[2] for p in preds):
      # a generic concept with specific words we do not know ("its annual Running of the Bulls
      # festival") is not understood; nationality words narrow it ("traditional Javanese arts")
      left = rest
      for key, rx, generic, detail, consume in self._tags:
        if generic:
          left = rx.sub(" ", left)
      for w in left.split():
        if w in _FILLER or len(w) < 3 or w == "_" or w == "CITY" or w.isdigit():
          continue
        hint = self._nationality(w)
        if hint is not None:
          preds.append((hint, f"nationality:{w}", False, ""))
          continue
        return None
    if not preds:
      # demonyms as a country hint ("Is it a Chinese city?")
      for t in toks:
        c = self._demonyms.get(t)
        if c is not None and re.search(rf"\b{t} (?:city|cities|town|speaking)\b", text):
          hit = kb.lexicon.get(c)
          for e in hit:
            if e.kind == "country":
              preds.append((e.mask, f"country:{c}", False, ""))
              break
    if not preds:
      return None
    specific = [p for p in preds if not p[2]]
    if specific:
      mask = np.ones(kb.n, bool)
      for p in specific:
        mask &= p[0]
      return mask, "&".join(p[1] for p in specific), False, "", note
    mask = np.ones(kb.n, bool)
    for p in preds:
      mask &= p[0]
    g = next((p for p in preds if p[3]), preds[0])
    return mask, "&".join(p[1] for p in preds), True, g[3], note

  def _nationality(self, w: str) -> np.ndarray | None:
    kb = self.kb
    if w in ("javanese", "sundanese"):
      return np.array(["Java" in c.island for c in kb.cities])
    if w in ("european", "asian", "african", "american", "oceanian"):
      cont = {"european": "Europe", "asian": "Asia", "african": "Africa", "oceanian": "Oceania"}
      if w == "american":
        return np.array([bool({"North America", "South America"} & set(c.continents))
                         for c in kb.cities])
      return np.array([cont[w] in c.continents for c in kb.cities])
    if w in ("islamic", "muslim", "arabic", "arab"):
      return np.array([c.religions[0].lower().startswith("islam") for c in kb.cities])
    country = self._demonyms.get(w)
    if country is None:
      return None
    if w == "chinese":
      return np.array([c.country.name in ("China", "Taiwan", "Singapore") for c in kb.cities])
    return np.array([c.country.name == country for c in kb.cities])

  # ---- spans -------------------------------------------------------------------------------
  def _span_pred(self, es: list[Entry], pre: str, toks, a: int, b: int):
    kb = self.kb
    kinds = {e.kind: e for e in es}
    # compass and coast-side modifiers right before a place
    md = re.search(rf"\b(?P<d>{_DIR_RX})(?:most)? (?:{_AREA}|coast|coastline|coasts|shore|"
                   rf"seaboard|coastal (?:area|region|part)) of(?: the)?$", pre)
    md2 = re.search(rf"\b(?:in|of|from|within) (?:the )?(?P<d>{_DIR_RX})$", pre)
    md3 = re.search(rf"\b(?:in|on) the (?P<d>{_DIR_RX}) of(?: the)?$", pre)
    near = re.search(r"\b(?:near|close to|not far from|next to|bordering|borders?|border (?:with|of)|"
                     r"proximity to|adjacent to|neighbou?ring|vicinity of|outskirts of|suburbs? of|"
                     r"around|within \w+ (?:km|kilometers|kilometres|miles) of|hours? (?:from|away "
                     r"from|drive from)|by|overlooks?|overlooking|facing|near to|nearby)(?: (?:the|a|an))?"
                     r"(?: (?:city|town|capital|metropolis|megacity) of)?$", pre)
    in_city = re.search(r"\b(?:(?:state|province|region|department|prefecture|governorate|"
                        r"municipality|district|territory|area|metropolitan area|metro area|"
                        r"greater|county|division|city|town) of(?: the)?|(?:located|situated|found) "
                        r"(?:in|within)(?: the)?|^is CITY (?:in|within)(?: the)?|part of(?: the)?)$", pre)
    far = re.search(r"\b(?:far from|far away from|away from|distant from)(?: the)?$", pre)
    cap = re.search(r"\bcapital (?:city )?of(?: the)?(?: (?:state|province|region|prefecture|"
                    r"department|governorate|island) of)?$", pre)
    largest = re.search(r"\b(?<!second )(?<!third )(?:largest|biggest|most populous|main|major) city "
                        r"(?:in|of)(?: the)?$", pre)
    second = re.search(r"\b(?:second|2nd) (?:largest|biggest|most populous) city (?:in|of)(?: the)?$", pre)
    rel = re.search(r"\b(?P<d>north|south|east|west|northeast|northwest|southeast|southwest|"
                    r"north east|north west|south east|south west) of(?: the)?$", pre)
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
        ctry = kb.cities[int(np.flatnonzero(e.mask)[0])].country.name if kind == "city" else \
            kb.other_cities[norm(e.key)].country
        return np.array([c.country.name == ctry for c in kb.cities]), f"samecountry:{e.key}", \
            False, ""
      if re.search(r"\b(?:bigger|larger|more populous|more populated) than$", pre) and kind == "city":
        i = int(np.flatnonzero(e.mask)[0])
        return kb.pop > kb.pop[i], f"bigger:{e.key}", False, ""
      if re.search(r"\b(?:smaller|less populous) than$", pre) and kind == "city":
        i = int(np.flatnonzero(e.mask)[0])
        return kb.pop < kb.pop[i], f"smaller:{e.key}", False, ""
      if in_city or re.match(r"(?:state|province|region|department|prefecture|governorate|"
                             r"municipality|metropolitan|metro|area)\b", " ".join(toks[b:b + 1])):
        nm = norm(e.key.split(",")[0]) if kind == "city" else norm(e.key)
        alias = [norm(a) for a in (kb.cities[int(np.flatnonzero(e.mask)[0])].aliases
                                   if kind == "city" else (e.key,))]
        m = self_mask.copy()
        for i, c in enumerate(kb.cities):
          if any(f" {a} " in f" {norm(r)} " for r in c.regions for a in alias + [nm]):
            m[i] = True
        return m, f"within:{e.key}", False, ""
      # other mentions of a city (e.g. after "like") are not understood here
    place = None
    for kind in ("mainland", "country", "continent", "subregion", "region", "island", "water",
                 "river", "mountain"):
      if kind in kinds:
        place = kinds[kind]
        break
    if place is not None:
      # "the Caribbean coast" / "Mediterranean Sea" -> the water, "in the Caribbean" -> region
      if place.kind in ("subregion", "region") and "water" in kinds:
        nxt = " ".join(toks[b:b + 2])
        if re.match(r"(?:coast|sea|shore|coastline|waters|ocean)\b", nxt) or re.search(
            r"\b(?:on|along|coast of|shores of)(?: the)?$", pre):
          place = kinds["water"]
      d = None
      for mm in (md, md3, md2):
        if mm:
          d = DIRS.get(mm.group("d").replace(" ", ""), None)
          if d is None:
            d = DIRS.get(mm.group("d").split()[0], None)
          break
      coast_side = bool(md) and re.search(r"\b(?:coast|coastline|coasts|shore|seaboard|coastal)\b",
                                          md.group(0)) is not None if md else False
      if cap and place.kind in ("country", "mainland"):
        return (place.mask & np.array([c.capital == "national" for c in kb.cities]),
                f"capital:{place.key}", False, "")
      if cap and place.kind in ("region", "island"):
        return (place.mask & np.array([c.capital in ("regional", "national") for c in kb.cities]),
                f"capital:{place.key}", False, "")
      if largest and place.kind == "region":
        return place.mask & kb.tag_masks["largest_regional"], f"largest:{place.key}", False, ""
      if largest:
        return place.mask & kb.tag_masks["largest"], f"largest:{place.key}", False, ""
      if second:
        return place.mask & kb.tag_masks["second_largest"], f"second:{place.key}", False, ""
      if d is not None and place.kind == "region" and not coast_side:
        return _UNKNOWN      # where in a province or state a city lies is not recorded
      if d is not None and place.kind in ("country", "mainland", "island", "continent", "region",
                                          "subregion"):
        return self._dir_in(place, d, coast_side), f"{d}{'coast' if coast_side else ''}:{place.key}", \
            False, ""
      if place.kind == "water":
        if near:
          return kb.water_near_mask(place.key) | place.mask, f"nearwater:{place.key}", False, ""
        return place.mask, f"water:{place.key}", False, ""
      if place.kind == "country" and near:
        return (np.array([place.key in c.borders or c.country.name == place.key
                          for c in kb.cities]), f"nearcountry:{place.key}", False, "")
      if place.kind == "country" and re.search(r"\b(?:colonized by|colony of|ruled by|occupied by|"
                                               r"colonial (?:history|ties|past) with)$", pre):
        return (np.array([place.key in ("Britain", "United Kingdom") and "Britain" in c.country.colonized_by
                          or place.key in c.country.colonized_by for c in kb.cities]),
                f"colony:{place.key}", False, "")
      if far:
        return ~place.mask, f"far:{place.key}", False, ""
      return place.mask, f"{place.kind}:{place.key}", False, ""
    for kind in ("landmark", "olandmark", "person", "dish", "team", "festival", "university",
                 "nickname", "clothing"):
      e = kinds.get(kind)
      if e is not None:
        return e.mask, f"{kind}:{e.key}", False, ""
    return None

  def _dir_in(self, place: Entry, d: str, coast: bool) -> np.ndarray:
    kb = self.kb
    out = np.zeros(kb.n, bool)
    for i, c in enumerate(kb.cities):
      if not place.mask[i]:
        continue
      if coast and place.kind == "continent":
        out[i] = c.coastal and _dir_match(d, _continent_parts(c))
      elif coast:
        out[i] = _dir_match(d, c.coast)
      elif place.kind == "island":
        out[i] = _dir_match(d, c.island_parts or c.parts)
      elif place.kind == "continent" or place.kind == "subregion":
        out[i] = _dir_match(d, _continent_parts(c))
      else:
        out[i] = _dir_match(d, c.parts)
    return out



_UNKNOWN = object()
_DEFAULT: Understander | None = None


def get_understander() -> Understander:
  """The shared understander over the full knowledge base (built once per process)."""
  global _DEFAULT
  if _DEFAULT is None:
    _DEFAULT = Understander()
  return _DEFAULT

"""Yes/no Guess My City questions -> a truth mask over the cities.

A question is split into clauses at "or" (ORed; "on the coast or inland" becomes an either/or
`alt` question); in each clause the lexicon's places and named things (`relations`), the
patterns that need more than a keyword (`patterns`) and the keyword tags (`tags`) are ANDed.
Generic concepts ("historical landmarks") only count when nothing specific is asked, and a
clause with words we do not know about such a concept is not understood. A guess naming a city
is a `name` question.
"""

from __future__ import annotations

import re

import numpy as np

from archer_jax.envs.guess_my_city import patterns, world
from archer_jax.envs.guess_my_city.knowledge import KnowledgeBase
from archer_jax.envs.guess_my_city.parsed import Parsed
from archer_jax.envs.guess_my_city.phrasing import (
  _FILLER,
  _REGION_WORDS,
  _RELATIONAL,
  _SUBJECT,
  DIRS,
)
from archer_jax.envs.guess_my_city.relations import UNKNOWN, span_predicate
from archer_jax.envs.guess_my_city.text import norm


class YesNoParser:
  """`parse(q, verb)` over a `KnowledgeBase`."""

  def __init__(self, kb: KnowledgeBase):
    self.kb = kb
    self._tags = [
      (t.key, re.compile(t.trigger), t.generic, t.detail, t.consume) for t in kb.tags.values()
    ]
    self._demonyms = {norm(k): v for k, v in world.DEMONYMS.items()}

  def parse(self, q: str, verb: str) -> Parsed | None:
    """The yes/no question `q` (normalised, led by the auxiliary `verb`), or None."""
    kb = self.kb
    negated = (
      bool(
        re.match(
          r"^(?:isn t|isnt|aren t|doesn t|don t|is (?:your city|it) not|does "
          r"(?:your city|it) not)\b",
          q,
        )
      )
      and " or not" not in q
    )
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
      keep = [(c, p) for c, p in zip(clauses, parts, strict=True) if p is not None]
      if len(keep) >= 2 or (len(keep) == 1 and len(clauses) >= 2):
        clauses, parts = [c for c, _ in keep], [p for _, p in keep]
        specific = [p for p in parts if not p[2]]
        use = parts
        if len(use) == 2 and np.array_equal(use[0][0], ~use[1][0]):
          opts = tuple(
            (self._alt_text(c, p[1]), p[0])
            for c, p in zip(clauses, parts, strict=True)
            if any(p is u for u in use)
          )
          return Parsed("alt", "|".join(p[1] for p in use), options=opts, verb=verb)
        mask = np.zeros(kb.n, bool)
        for p in use:
          mask |= p[0]
        generic = not specific
        return Parsed(
          "yn",
          "|".join(p[1] for p in use),
          mask,
          negated,
          detail=use[0][3] if generic else "",
          verb=verb,
        )
      # an "or" inside one concept ("historical landmarks or monuments"): parse whole
    p = self._clause(text)
    if p is None:
      return None
    mask, key, generic, detail, note = p
    return Parsed("yn", key, mask, negated, detail=detail if generic else "", verb=verb, note=note)

  _ALT = {
    "coastal": "is on the coast",
    "inland": "is inland",
    "island": "is on an island",
    "near_sea": "is near the sea",
    "big_city": "is a big city",
    "small_city": "is a small city",
    "mountains": "is near mountains",
    "river": "has a river",
    "tropical": "is tropical",
    "cold_climate": "has cold winters",
    "hot_climate": "is hot",
    "desert": "is in a dry region",
  }

  @classmethod
  def _alt_text(cls, clause: str, key: str = "") -> str:
    if key in cls._ALT:
      return cls._ALT[key]
    c = re.sub(r"\bCITY\b", " ", clause.strip())
    c = " ".join(c.split())
    have = re.match(r"^(?:does|do|did)\s+(?:it\s+)?(?:have|has)\s+", c)
    if have:
      return "has " + c[have.end() :]
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
    for a, b, _ in hits:
      pre = " ".join(toks[max(0, a - 4) : a])
      if _RELATIONAL.search(pre) or re.search(
        r"\b(?:of|in|within|to|than|and|with|like|for|at|"
        r"between|toward|towards|on|into|visit|visited)$",
        pre,
      ):
        return None
      nxt = toks[b : b + 2]
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
      pre = " ".join(toks[max(0, a - 6) : a])
      r = span_predicate(kb, es, pre, toks, a, b)
      if r is UNKNOWN:
        return None
      if r is not None:
        preds.append(r)
        use(a, b)
        # relation words before the span ("northern part of", "capital of") are part of it
        if re.match(
          r"(?:north|south|east|west|central|capital|near|nearwater|largest|second|"
          r"within|far|\w+coast)",
          r[1],
        ):
          for k in range(max(0, a - 6), a):
            if toks[k] in DIRS or toks[k] in (
              "coast",
              "part",
              "capital",
              "near",
              "border",
              "region",
              "side",
              "area",
              "shore",
              "coastline",
              "province",
              "state",
              "city",
              "town",
              "of",
            ):
              used[k] = True
    rest = " ".join(t if not u else "_" for t, u in zip(toks, used, strict=True))
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
        rest = rest[: mt.start()] + " _ " + rest[mt.end() :] if consume else rest
    # "in the Foo region of X" with Foo unknown: the region cannot be checked
    if not any(
      p[1].startswith(("region:", "within:", "island:", "capital:", "largest:", "second:"))
      for p in preds
    ):
      mr = re.search(
        r"\b(?:in|of|within) (?:the )?(?P<w>(?:[a-z]+ ){1,3})(?:region|province|state|"
        r"prefecture|department|district|county|governorate|oblast|division|territory|"
        r"regency)\b",
        rest,
      )
      if (
        mr
        and not mr.group("w").startswith(("a ", "an "))
        and any(
          w not in _FILLER and w not in DIRS and w not in _REGION_WORDS
          for w in mr.group("w").split()
        )
      ):
        return None
    if preds and all(p[2] for p in preds):
      # a generic concept with specific words we do not know ("its annual Running of the Bulls
      # festival") is not understood; nationality words narrow it ("traditional Javanese arts")
      left = rest
      for _, rx, generic, _, _ in self._tags:
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
        return np.array(
          [bool({"North America", "South America"} & set(c.continents)) for c in kb.cities]
        )
      return np.array([cont[w] in c.continents for c in kb.cities])
    if w in ("islamic", "muslim", "arabic", "arab"):
      return np.array([c.religions[0].lower().startswith("islam") for c in kb.cities])
    country = self._demonyms.get(w)
    if country is None:
      return None
    if w == "chinese":
      return np.array([c.country.name in ("China", "Taiwan", "Singapore") for c in kb.cities])
    return np.array([c.country.name == country for c in kb.cities])

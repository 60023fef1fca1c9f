"""Free-form yes/no questions -> a boolean mask over the 157 objects (or None: invalid).

Pipeline for one question: reject non-ASCII / over-long / non-question text; split off the
auxiliary verb and subject ("Is the object", "Can you", ...); then try, in order: a name
guess ("Is it a teddy bear?"), a first-letter question, numeric comparisons ("bigger than a
breadbox", "fit in a pocket", "weigh more than 10 kg", "more than two legs"), "X or Y"
questions, and finally the keyword-triggered `RULES`. An "Is it a <noun>?" about an object
outside the list is answered No. Parses are cached per raw question string, and only the
rules whose trigger words occur are tested, so a cold question costs tens of microseconds.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import numpy as np

from archer_jax.envs.question_game import CachedParser
from archer_jax.envs.twenty_questions.knowledge import COLOURS, KnowledgeBase, get_kb
from archer_jax.envs.twenty_questions.questions import RULES

YES, NO, INVALID = "Yes.", "No.", "Invalid Question."
ANSWERS = (YES, NO, INVALID)
MAX_QUESTION_CHARS = 300
MAX_QUESTION_WORDS = 40

_VERBS = (
  "is are was were does do did can could would will has have had should might may must "
  "shall isn't aren't wasn't weren't doesn't don't didn't can't couldn't wouldn't won't "
  "hasn't haven't shouldn't"
)
AUX = frozenset(_VERBS.split())
_NAME_VERBS = frozenset("is are was were could would might may can isn't aren't".split())
_SUBJ = re.compile(
  r"^(?P<verb>" + "|".join(sorted(AUX, key=len, reverse=True)) + r")(?: not)? "
  r"(?P<subj>it|its|it's|this|that|they|these|those|you|we|i|people|someone|somebody|one|"
  r"humans|a person|(?:the|this|that|your|my) (?:hidden |secret |mystery |mysterious |chosen )?"
  r"(?:object|thing|item|word|answer|noun|entity|one))(?: be)?\b ?"
)
_FILLERS = re.compile(
  r"^(?:not |maybe |perhaps |possibly |probably |actually |really |just |called |named |"
  r"thinking of |thinking about |referring to |a |an |the |some |one |(?:a )?(?:type|kind|sort|"
  r"form) of )+"
)
_NEG_WORDS = frozenset("not never no without".split())
_UNWANTED = re.compile(r"[^a-z0-9'. ]+")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_EDGE_APOS = re.compile(r"(?<![a-z])'|'(?![a-z])")

_NUM_WORDS = {
  "a": 1,
  "an": 1,
  "one": 1,
  "two": 2,
  "three": 3,
  "four": 4,
  "five": 5,
  "six": 6,
  "ten": 10,
  "twenty": 20,
  "fifty": 50,
  "hundred": 100,
  "a hundred": 100,
  "one hundred": 100,
  "a thousand": 1000,
  "thousand": 1000,
  "zero": 0,
}
_SIZE_UNITS = {
  "mm": 0.1,
  "cm": 1,
  "centimeter": 1,
  "centimetre": 1,
  "m": 100,
  "meter": 100,
  "metre": 100,
  "km": 1e5,
  "kilometer": 1e5,
  "kilometre": 1e5,
  "in": 2.54,
  "inch": 2.54,
  "inche": 2.54,
  "foot": 30.48,
  "feet": 30.48,
  "ft": 30.48,
  "yard": 91.44,
  "mile": 160934,
}
_WEIGHT_UNITS = {
  "g": 1e-3,
  "gram": 1e-3,
  "kg": 1,
  "kgs": 1,
  "kilogram": 1,
  "kilo": 1,
  "lb": 0.4536,
  "lbs": 0.4536,
  "pound": 0.4536,
  "ton": 1000,
  "tonne": 1000,
}
_QUANTITY = re.compile(
  r"^(?P<num>\d+(?:\.\d+)?|"
  + "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
  + r") ?(?P<unit>[a-z]+?)s?$"
)
_SIZE_REFS = {
  "coin": 2.5,
  "penny": 2,
  "quarter": 2.4,
  "marble": 1.5,
  "grain of rice": 0.5,
  "matchbox": 5,
  "deck of cards": 9,
  "credit card": 8.5,
  "fist": 10,
  "palm": 9,
  "hand": 20,
  "phone": 15,
  "cellphone": 15,
  "mouse": 10,
  "book": 25,
  "shoebox": 30,
  "shoe box": 30,
  "loaf of bread": 30,
  "toaster": 30,
  "bread": 30,
  "breadbox": 40,
  "bread box": 40,
  "box": 40,
  "backpack": 50,
  "bag": 50,
  "suitcase": 70,
  "bowling ball": 22,
  "baby": 60,
  "child": 120,
  "kid": 120,
  "person": 175,
  "human": 175,
  "man": 175,
  "woman": 165,
  "adult": 175,
  "people": 175,
  "bicycle": 170,
  "bike": 170,
  "washing machine": 85,
  "fridge": 180,
  "door": 200,
  "room": 500,
  "house": 1500,
  "building": 3000,
  "school bus": 1200,
  "football field": 1e4,
  "soccer field": 1e4,
  "stadium": 1e4,
  "city": 1e6,
  "country": 1e8,
  "continent": 5e8,
  "earth": 1.27e9,
  "planet": 1.27e9,
  "sun": 1.4e11,
}
_FIT_REFS = {
  "pocket": 15,
  "hand": 20,
  "palm": 9,
  "purse": 25,
  "wallet": 10,
  "cup": 8,
  "mouth": 5,
  "breadbox": 40,
  "bread box": 40,
  "box": 40,
  "shoebox": 30,
  "shoe box": 30,
  "backpack": 50,
  "bag": 50,
  "suitcase": 70,
  "drawer": 40,
  "mailbox": 40,
  "microwave": 30,
  "car": 150,
  "trunk": 100,
  "fridge": 150,
  "refrigerator": 150,
  "elevator": 200,
  "door": 200,
  "doorway": 200,
  "room": 500,
  "garage": 600,
  "house": 1500,
  "truck": 700,
}
_WEIGHT_REFS = {
  "feather": 0.001,
  "paperclip": 0.001,
  "paper clip": 0.001,
  "coin": 0.005,
  "bowling ball": 6,
  "brick": 2.5,
  "bag of sugar": 1,
  "person": 70,
  "human": 70,
  "man": 80,
  "woman": 65,
  "adult": 70,
  "child": 25,
  "kid": 25,
  "baby": 4,
  "fridge": 90,
  "house": 1e5,
}
_REF_FILLERS = re.compile(
  r"^(?:a |an |the |your |my |one |one's |someone's |average |an average |"
  r"typical |normal |regular |standard |adult |full grown |grown |usual )+"
)
_CMP = re.compile(
  r"\b(?:(?P<too>too) (?:big|large|small|heavy) (?:to|for) )?(?P<adj>bigger|larger|"
  r"taller|longer|wider|heavier|smaller|shorter|lighter|tinier|thinner|more|less)"
  r"(?: in size| in weight)? than (?P<ref>[a-z0-9'. ]+)$"
)
_FIT = re.compile(
  r"\b(?:(?P<too>too) (?:big|large|heavy) to |small enough to )?fits? "
  r"(?:in|into|inside|on|through|under) (?P<ref>[a-z0-9'. ]+)$"
)
_LEGS = re.compile(r"\b(?P<op>more|fewer|less) than (?P<n>zero|one|two|three|four|[0-4]) legs\b")
_VOWEL = re.compile(r"\b(?:start|starts|begin|begins|starting|beginning) with an? vowel\b")
_LETTER = re.compile(
  r"\b(?:start|starts|begin|begins|starting|beginning) with (?:the letter |"
  r"letter |an? )?([a-z])$"
)
_COLOUR_NAMES = frozenset(COLOURS)


class Parsed(NamedTuple):
  """What a question asks: `mask[i]` is the truthful answer for object i (before `negated`)."""

  kind: str  # attr | name | size | weight | legs | letter | or | unknown
  key: str
  mask: np.ndarray  # bool [n_objects]
  negated: bool = False

  def answer(self, index: int) -> bool:
    return bool(self.mask[index]) != self.negated


def normalize(text: str) -> str:
  """Lower-case words separated by single spaces (hyphens split, punctuation dropped)."""
  t = text.lower().replace("-", " ").replace("/", " ")
  t = _UNWANTED.sub(" ", t)
  t = _LONE_DOT.sub(" ", t)
  t = _EDGE_APOS.sub(" ", t)
  t = " ".join(t.split())
  if t.endswith(" or not"):
    t = t[:-7]
  return t


def _singular(s: str) -> str:
  return s[:-2] if s.endswith("es") else s[:-1] if s.endswith("s") else s


class Understander(CachedParser):
  """Parses questions against a `KnowledgeBase`; `answer(index, question)` -> Yes./No./Invalid.
  `parse(question)` -> `Parsed` or None (not understood), cached per question string."""

  def __init__(self, kb: KnowledgeBase | None = None, cache_size: int = 200_000):
    super().__init__(cache_size)
    self.kb = kb = kb or get_kb()
    self._rules = []
    self._trigger: dict[str, list[int]] = {}
    for i, (key, words, regex, _) in enumerate(RULES):
      if key not in kb.attrs:
        raise KeyError(f"question rule {key!r} names no knowledge-base attribute")
      self._rules.append((key, re.compile(regex) if regex else None))
      for w in words.split():
        self._trigger.setdefault(w, []).append(i)
    self._first = np.array([w.name[0].lower() for w in kb.words])
    self._none = np.zeros(kb.n, bool)

  def answer(self, index: int, question: str) -> str:
    p = self._cache.get(question, self)  # `parse`, inlined: the env's hot path
    if p is self:
      p = self.parse(question)
    if p is None:
      return INVALID
    return YES if bool(p.mask[index]) != p.negated else NO

  def narrow(self, history, rows) -> tuple[np.ndarray, list[tuple[Parsed, str]]]:
    """history: (question, answer) pairs; rows: the objects in play (indices, or a slice).
    -> (alive bool [n rows]: the objects whose truthful answers agree with every answer read,
    read: the (parsed question, answer) pairs read, in order). An Invalid answer or a
    question this understander cannot parse is skipped."""
    alive = np.ones(len(self._none[rows]), bool)
    read = []
    for q, a in history:
      p = self.parse(q) if a != INVALID else None
      if p is not None:
        truth = p.mask[rows] != p.negated
        alive &= truth if a == YES else ~truth
        read.append((p, a))
    return alive, read

  # ---- parsing ------------------------------------------------------------------------
  def _parse(self, question: str) -> Parsed | None:
    raw = question.strip()
    if not raw or len(raw) > MAX_QUESTION_CHARS or not raw.isascii():
      return None
    q = normalize(raw)
    tokens = q.split()
    if not tokens or len(tokens) > MAX_QUESTION_WORDS or tokens[0] not in AUX:
      return None
    m = _SUBJ.match(q)
    if m:
      verb, rest = m.group("verb"), q[m.end() :]
    else:
      verb, rest = tokens[0], " ".join(tokens[1:])
    if " or " in rest:
      parts = [p.strip() for p in rest.split(" or ")]
      subs = [self._parse_rest(verb, p, f"{verb} it {p}") for p in parts if p]
      if subs and all(s is not None and s.kind != "unknown" for s in subs):
        mask = np.zeros(self.kb.n, bool)
        for s in subs:
          mask |= s.mask != s.negated
        return Parsed("or", "|".join(s.key for s in subs), mask)
    return self._parse_rest(verb, rest, q)

  def _parse_rest(self, verb: str, rest: str, q: str) -> Parsed | None:
    words = rest.split()
    negated = any(w in _NEG_WORDS or w.endswith("n't") for w in words)
    if verb in _NAME_VERBS:
      name = self._name(rest)
      if name is not None:
        return Parsed("name", self.kb.words[name].name, self._onehot(name), rest.startswith("not "))
    p = None
    if "with" in words:
      p = self._letter(rest)
    if p is None and ("than" in words or "fit" in words or "fits" in words):
      p = self._numeric(rest)
    if p is not None:
      return p._replace(negated=p.negated != negated) if negated else p
    cands: set[int] = set()
    for w in words:
      ids = self._trigger.get(w)
      if ids:
        cands.update(ids)
    for i in sorted(cands):
      key, rx = self._rules[i]
      if rx is None or rx.search(q):
        return Parsed("attr", key, self.kb.attrs[key], negated)
    if (
      verb in _NAME_VERBS and (rest.startswith("a ") or rest.startswith("an ")) and len(words) <= 4
    ):
      return Parsed("unknown", rest, self._none)
    return None

  def _onehot(self, i: int) -> np.ndarray:
    m = np.zeros(self.kb.n, bool)
    m[i] = True
    return m

  def _name(self, rest: str) -> int | None:
    r = _FILLERS.sub("", rest)
    if not r:
      return None
    if r in _COLOUR_NAMES and not rest.startswith(("a ", "an ", "the ")):
      return None  # "Is it orange?" asks the colour
    idx = self.kb.alias_index
    i = idx.get(r)
    if i is None and r.endswith("s"):
      i = idx.get(r[:-1])
      if i is None:
        i = idx.get(_singular(r))
    return i

  def _letter(self, rest: str) -> Parsed | None:
    if _VOWEL.search(rest):
      return Parsed("letter", "vowel", np.isin(self._first, list("aeiou")))
    m = _LETTER.search(rest)
    if m:
      return Parsed("letter", m.group(1), self._first == m.group(1))
    return None

  def _numeric(self, rest: str) -> Parsed | None:
    kb = self.kb
    m = _LEGS.search(rest)
    if m:
      n = _NUM_WORDS.get(m.group("n"), None)
      n = int(m.group("n")) if n is None else n
      mask = kb.legs > n if m.group("op") == "more" else kb.legs < n
      return Parsed("legs", f"{m.group('op')}_{n}", mask)
    m = _FIT.search(rest)
    if m:
      v = self._ref(m.group("ref"), _FIT_REFS, _SIZE_UNITS, kb.sizes)
      if v is None:
        return None
      return Parsed("size", f"le_{v:g}", kb.sizes <= v, m.group("too") is not None)
    m = _CMP.search(rest)
    if not m:
      return None
    adj, too = m.group("adj"), m.group("too") is not None
    weight = adj in ("heavier", "lighter") or (
      adj in ("more", "less") and ("weigh" in rest or "weighs" in rest or "weight" in rest)
    )
    if adj in ("more", "less") and not weight:
      return None
    if weight:
      v = self._ref(m.group("ref"), _WEIGHT_REFS, _WEIGHT_UNITS, kb.weights)
      arr, kind = kb.weights, "weight"
    else:
      v = self._ref(m.group("ref"), _SIZE_REFS, _SIZE_UNITS, kb.sizes)
      arr, kind = kb.sizes, "size"
    if v is None:
      return None
    bigger = adj in ("bigger", "larger", "taller", "longer", "wider", "heavier", "more")
    return Parsed(kind, f"{'gt' if bigger else 'lt'}_{v:g}", arr > v if bigger else arr < v, too)

  def _ref(self, ref: str, table: dict, units: dict, values: np.ndarray) -> float | None:
    """'a breadbox' / '10 kg' / 'a car' -> a number in the table's unit, or None."""
    ref = _REF_FILLERS.sub("", ref.strip())
    for cand in (ref, _singular(ref)):
      if cand in table:
        return float(table[cand])
    m = _QUANTITY.match(ref) or _QUANTITY.match("1 " + ref)
    if m:
      unit = m.group("unit")
      scale = units.get(unit, units.get(unit + "s"))
      if scale is not None:
        num = m.group("num")
        n = float(num) if num[0].isdigit() else _NUM_WORDS[num]
        return n * scale
    i = self.kb.alias_index.get(ref)
    if i is None:
      i = self.kb.alias_index.get(_singular(ref))
    return None if i is None else float(values[i])


@functools.cache
def get_understander() -> Understander:
  """The shared understander over the full knowledge base (built once per process)."""
  return Understander()

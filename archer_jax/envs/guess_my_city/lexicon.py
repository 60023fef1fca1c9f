"""The phrase lexicon: which phrases of a question name which places and things.

An `Entry` is one meaning of a phrase (a city, a country, a river, a landmark ...) with the
mask of the cities it holds for; `Lexicon.scan` finds, left to right, the longest known phrase
at each position of a normalised token list. `item_names` lists every way a data-table item
("Forbidden City/Palace Museum|palace") can be asked about, and `distinctive` says whether a
phrase is specific enough to stand for an item on its own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from archer_jax.envs.guess_my_city.text import norm

# words that do not make a landmark / dish / festival name distinctive on their own
GENERIC = frozenset(
  """
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
union united""".split()
)


def display_name(item: str) -> str:
  """'Forbidden City/Palace Museum|palace' -> 'Forbidden City'."""
  return item.split("|", 1)[0].split("/", 1)[0].strip()


PAREN = re.compile(r"\(([^)]*)\)")


def item_names(item: str, split_and: bool = True) -> list[str]:
  """Every name an item can be asked about: alternatives after "/", the text outside and
  inside parentheses, and (split_and) the parts of "A, B and C"."""
  base = item.split("|", 1)[0]
  out: list[str] = []
  for alt in base.split("/"):
    inner = PAREN.findall(alt)
    outer = PAREN.sub(" ", alt).strip()
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
  kind: str  # city | ocity | continent | subregion | country | region | island | water |
  #                    river | mountain | landmark | dish | team | person | festival | nickname |
  #                    university | olandmark | mainland
  key: str  # canonical name (city: its key)
  mask: np.ndarray  # cities it holds for ("in"/"has")


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
        hit = self._phrases.get(tuple(tokens[i : i + k]))
        if hit:
          out.append((i, i + k, hit))
          i += k
          break
      else:
        i += 1
    return out

  def add_member(self, kind: str, phrase: str, i: int, n: int) -> None:
    """Add city i (of n) to the `kind` entry of `phrase`, creating the entry if needed (one
    shared mask per phrase and kind)."""
    toks = tuple(norm(phrase).split())
    if not toks:
      return
    lst = self._phrases.setdefault(toks, [])
    for e in lst:
      if e.kind == kind:
        e.mask[i] = True
        return
    m = np.zeros(n, bool)
    m[i] = True
    lst.append(Entry(kind, phrase, m))
    self._max = max(self._max, len(toks))

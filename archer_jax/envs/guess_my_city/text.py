"""Text folding shared by the Guess My City knowledge base, understander and env."""

from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans(
  {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
  }
)
_SPECIAL = str.maketrans(
  {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "đ": "d",
    "ł": "l",
    "ı": "i",
    "Æ": "AE",
    "Ø": "O",
    "Đ": "D",
    "Ł": "L",
    "İ": "I",
  }
)


def fold(text: str) -> str:
  """Accents and typographic quotes removed, other non-ASCII characters dropped
  ("Bogotá" -> "Bogota", "Côte d’Ivoire" -> "Cote d'Ivoire")."""
  text = text.translate(_APOS).translate(_SPECIAL)
  text = unicodedata.normalize("NFKD", text)
  return text.encode("ascii", "ignore").decode("ascii")


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def norm(text: str) -> str:
  """Folded, lower-cased, every run of non-alphanumerics one space ("St. Petersburg" ->
  "st petersburg", "Xi'an" -> "xi an")."""
  return _NON_ALNUM.sub(" ", fold(text).lower()).strip()


def split_list(s: str | tuple | list | None) -> tuple[str, ...]:
  """ "a; b; c" -> ("a", "b", "c"); tuples and lists pass through, None gives ()."""
  if s is None:
    return ()
  if isinstance(s, (tuple, list)):
    return tuple(s)
  return tuple(p.strip() for p in s.split(";") if p.strip())

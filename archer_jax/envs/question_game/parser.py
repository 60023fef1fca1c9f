"""`CachedParser`: question parsing memoised per raw question string.

Askers repeat themselves (scripted players reuse templates, policies re-ask), so both games'
understanders look a question up before parsing it. The cache is cleared when it is full.
"""

from __future__ import annotations

from typing import Any


class CachedParser:
  """`parse(question)` -> what `_parse` returns, memoised.

  Subclasses implement `_parse(question) -> parse or None`. Exceptions listed in
  `not_understood` count as "not understood" (None) instead of propagating.
  """

  not_understood: tuple[type[Exception], ...] = ()

  def __init__(self, cache_size: int = 200_000):
    self.cache_size = cache_size
    self._cache: dict[str, Any] = {}

  def _parse(self, question: str) -> Any:
    raise NotImplementedError

  def parse(self, question: str) -> Any:
    hit = self._cache.get(question, self)
    if hit is not self:
      return hit
    try:
      out = self._parse(question)
    except self.not_understood:
      out = None
    if len(self._cache) >= self.cache_size:
      self._cache.clear()
    self._cache[question] = out
    return out

  def clear_cache(self) -> None:
    self._cache.clear()

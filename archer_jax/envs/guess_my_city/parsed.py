"""`Parsed`: what a Guess My City question asks, as the understander's parsers return it."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Parsed(NamedTuple):
  kind: str  # refuse | name | yn | alt | open
  key: str  # what it asks (for logs and the player)
  mask: np.ndarray | None = None
  negated: bool = False
  detail: str = ""  # City field illustrating a yes to a generic yn question
  topic: str = ""  # open-question topic
  arg: str = ""  # topic argument (e.g. the kind of landmark)
  verb: str = ""  # leading auxiliary of a yn question
  options: tuple = ()  # alt: ((text, mask), ...)
  note: str = ""  # special answer wording

  def truth(self, index: int) -> bool:
    return bool(self.mask[index]) != self.negated

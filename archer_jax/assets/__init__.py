"""Data files shipped inside the package (origins and licences: docs/data_files.md).

- `DETECTIVE_STORY`: the Detective Z-machine story file, played through Jericho;
- `GUESS_MY_CITY_CONVERSATIONS`: the 950 public Guess My City conversations, gzip-compressed
  JSON; `open_text` reads it (or any plain or gzip text file) transparently.
"""

from __future__ import annotations

import gzip
import os
from typing import IO

ASSETS_DIR = os.path.dirname(os.path.abspath(__file__))
DETECTIVE_STORY = os.path.join(ASSETS_DIR, "detective.z5")
GUESS_MY_CITY_CONVERSATIONS = os.path.join(ASSETS_DIR, "guess_my_city_conversations.json.gz")

_GZIP_MAGIC = b"\x1f\x8b"


def open_text(path: str | os.PathLike) -> IO[str]:
  """`path` opened for reading UTF-8 text, decompressed when it is gzip (told by its first
  bytes, so a `.json` that is really gzip, or a `.gz` that is not, both read right)."""
  with open(path, "rb") as f:
    packed = f.read(2) == _GZIP_MAGIC
  return gzip.open(path, "rt", encoding="utf-8") if packed else open(path, encoding="utf-8")

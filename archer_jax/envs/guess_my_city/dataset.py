"""Reading the public Guess My City conversations file.

The file (shipped gzip-compressed as `archer_jax/assets/guess_my_city_conversations.json.gz`;
plain JSON reads as well) is a list of
{"conversation": ["<question> <answer>", ...], "done": bool, "word": "city,country"};
each turn is one string, and many questions are preceded by the asking model's chatter
("Based on the information provided, my next question would be:\\n\\n...").
"""

from __future__ import annotations

import json
import os
import re

from archer_jax.assets import GUESS_MY_CITY_CONVERSATIONS, open_text
from archer_jax.envs.guess_my_city.understander import extract_question

DEFAULT_PATH = GUESS_MY_CITY_CONVERSATIONS


def split_turn(line: str) -> tuple[str, str]:
  """ "<chatter>\\n\\nIs your city in Asia? Yes, it is." -> ("Is your city in Asia?",
  "Yes, it is."): the question ends at the first '?' (after any chatter); the rest is the
  recorded answer. A line without '?' is all question."""
  k = line.find("?")
  if k < 0:
    return extract_question(line), ""
  return extract_question(line[: k + 1]), line[k + 1 :].strip()


def load_conversations(path: str | os.PathLike | None = None) -> list[dict]:
  """The conversations of `path` (default: the packaged copy), plain or gzip JSON."""
  path = path or DEFAULT_PATH
  with open_text(path) as f:
    data = json.load(f)
  if not isinstance(data, list):
    raise ValueError(f"{path}: expected a JSON list of conversations")
  return data


def turns(data: list[dict]) -> list[tuple[str, str, str]]:
  """(city key, question, recorded answer) for every turn of every conversation."""
  out = []
  for item in data:
    for line in item["conversation"]:
      q, a = split_turn(line)
      out.append((item["word"], q, a))
  return out


_YES = re.compile(r"^\W*(?:yes|yeah|yep|indeed|correct|that s right|that is right)\b", re.I)
_NO = re.compile(r"^\W*(?:no|nope|not really|not exactly|incorrect)\b", re.I)


def answer_polarity(answer: str) -> bool | None:
  """True / False when a recorded answer starts with yes / no, else None."""
  if _YES.match(answer):
    return True
  if _NO.match(answer):
    return False
  return None

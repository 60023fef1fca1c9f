"""Loaders from the public conversation JSON files into `Trajectory` records.

Two formats, both a JSON list of conversations, one string per turn holding the asker's
question followed by the oracle's answer:

* **Guess My City** (the 950 example conversations of `data/guess_my_city_conversations.json`)::

      {"conversation": ["<question> <answer>", ...], "done": bool, "word": "city,country"}

* **Twenty Questions** as published with LMRL-Gym (`convos_1k/10k/100k.json`; described in
  the LMRL-Gym repository, abdulhaim/LMRL-Gym, README of its data release, and parsed there by
  `split_question_answer` / `create_trajectory_from_conversation` in
  `llm_rl_scripts/twenty_questions/env/data.py`)::

      {"lines": ["Is it an animal? Yes.", ...], "correct": bool, "word": ["Lion"]}

  `word` lists the spellings of one object ("Television", "TV"); we keep them joined with
  ";" ("Television;TV"), the object-list notation of the same file.

Every conversation becomes one episode in the env's conventions (`archer_jax.envs.base`):
the observation before turn t is "Questions:\\n" followed by one "<question> <answer>\\n" line
per earlier turn (`INITIAL_OBSERVATION` of the 20Q env), the action is the question, the reward
is -1 per turn and 0 on the final turn of a successful conversation. The last turn is `done`
when the conversation succeeded or used all `max_turns` turns; a shorter unsuccessful one is a
partial episode (last turn not done, `info["partial"] = True`), as LMRL-Gym treats it.

Splitting a line into question and answer:

* 20Q (answers are "Yes." / "No."): the question ends at the last "? " of the line (LMRL-Gym's
  rule); a line ending in "?" with nothing after it has the answer "Invalid Question.".
* Guess My City (free-text answers, which may themselves contain "?"): the question ends at the
  first "?" followed by white space (or the end of the line); the rest, stripped, is the answer.
  The question is then cleaned of the asker's chatter: only its last line is kept ("Based on the
  information provided, my next question would be:\\n\\nIs it ...?" -> "Is it ...?"), then a
  lead-in ending in a colon is dropped when it ends with "question", "question <n>", "ask",
  "be", "is" or "following" ("Question 3: ", "... I would like to ask: "), then a list marker
  ("3. ", "- ") and an unmatched opening quote. The raw line stays in `info["raw_lines"]`.

Bad input raises `DatasetFormatError` (a `ValueError`) naming the file, the item and what is
wrong; a missing file raises `FileNotFoundError` naming the path.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Callable, Sequence

from archer_jax.envs.base import Trajectory, Turn
from archer_jax.envs.twenty_questions.prompts import INITIAL_OBSERVATION

FORMATS = ("guess_my_city", "twenty_questions")
INVALID_ANSWER = "Invalid Question."


class DatasetFormatError(ValueError):
  """A dataset file that cannot be read as the format it claims (message names the file)."""


# ---- line splitting ----------------------------------------------------------------------
_CITY_Q_END = re.compile(r"\?(?=\s|$)")
_LEAD_IN = re.compile(r"^[^?]*:\s+")
_LIST_MARKER = re.compile(r"^(?:\d+[.)]|[-*\u2022])\s+")


def split_twenty_questions_line(line: str) -> tuple[str, str]:
  """ "Is it a cat? Yes." -> ("Is it a cat?", "Yes."): split at the last "? " (LMRL-Gym)."""
  k = line.rfind("? ")
  if k < 0:
    if line.rstrip().endswith("?"):
      return line.strip(), INVALID_ANSWER
    raise ValueError(f"no '? ' separating question and answer in {line[:120]!r}")
  return line[: k + 1].strip(), line[k + 2 :].strip()


def clean_city_question(text: str) -> str:
  """The question line of an asker's output, chatter removed (rules in the module doc)."""
  q = text.strip()
  q = q.rsplit("\n", 1)[-1].strip() or q
  q = _LEAD_IN.sub("", q, count=1) or q
  q = _LIST_MARKER.sub("", q, count=1) or q
  if q.count('"') % 2 == 1 and q.startswith('"'):
    q = q[1:].lstrip()
  return q


def split_city_line(line: str) -> tuple[str, str]:
  """One city-file line -> (question, answer):
  "<chatter>\\n\\nIs your city in Asia? Yes, it is." -> ("Is your city in Asia?", "Yes, it is.")."""
  m = _CITY_Q_END.search(line)
  if m is None:
    raise ValueError(f"no '?' ending a question in {line[:120]!r}")
  return clean_city_question(line[: m.end()]), line[m.end() :].strip()


# ---- conversations -> trajectories --------------------------------------------------------
def conversation_trajectory(
  pairs: Sequence[tuple[str, str]],
  success: bool,
  max_turns: int = 20,
  info: dict[str, Any] | None = None,
) -> Trajectory:
  """(question, answer) pairs -> one episode: -1 per turn, 0 on a successful last turn."""
  turns, obs = [], INITIAL_OBSERVATION
  n = len(pairs)
  complete = bool(success) or n >= max_turns
  for t, (q, a) in enumerate(pairs):
    last = t == n - 1
    nxt = obs + (f"{q} {a}\n" if q else f"{a}\n")
    turns.append(
      Turn(
        observation=obs,
        action=q,
        reward=0.0 if (last and success) else -1.0,
        done=last and complete,
        next_observation=nxt,
      )
    )
    obs = nxt
  out = dict(info or {})
  out.update(
    success=bool(success),
    won=bool(success),
    truncated=not success and n >= max_turns,
    partial=not complete,
  )
  return Trajectory(turns=turns, info=out)


def _read_list(path: str, what: str) -> list:
  path = os.fspath(path)
  if not os.path.isfile(path):
    raise FileNotFoundError(f"{path}: no such file (expected a {what} JSON file)")
  try:
    with open(path, encoding="utf-8") as f:
      data = json.load(f)
  except json.JSONDecodeError as e:
    raise DatasetFormatError(
      f"{path}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"
    ) from None
  except UnicodeDecodeError as e:
    raise DatasetFormatError(f"{path}: not UTF-8 text ({e.reason})") from None
  if not isinstance(data, list):
    raise DatasetFormatError(
      f"{path}: expected a JSON list of conversations, got {type(data).__name__}"
    )
  return data


def _check_item(path, i, item, schema: dict[str, Callable[[Any], bool]], hint: str):
  if not isinstance(item, dict):
    raise DatasetFormatError(
      f"{path}: item {i}: expected an object {hint}, got {type(item).__name__}"
    )
  for key, ok in schema.items():
    if key not in item:
      raise DatasetFormatError(f"{path}: item {i}: missing key {key!r} (expected {hint})")
    if not ok(item[key]):
      raise DatasetFormatError(
        f"{path}: item {i}: key {key!r} has the wrong type "
        f"({type(item[key]).__name__}; expected {hint})"
      )


def _str_list(v) -> bool:
  return isinstance(v, list) and all(isinstance(s, str) for s in v)


def _load(
  path,
  what: str,
  schema,
  hint: str,
  lines_key: str,
  success_key: str,
  word_of: Callable[[Any], str],
  split: Callable[[str], tuple[str, str]],
  max_turns: int,
  errors: str,
  data: list | None = None,
) -> list[Trajectory]:
  if errors not in ("raise", "skip"):
    raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
  path = os.fspath(path)
  out = []
  for i, item in enumerate(_read_list(path, what) if data is None else data):
    try:
      _check_item(path, i, item, schema, hint)
      lines = item[lines_key]
      if not lines:
        raise DatasetFormatError(f"{path}: item {i}: {lines_key!r} is empty")
      if len(lines) > max_turns:
        raise DatasetFormatError(
          f"{path}: item {i}: {len(lines)} turns, more than max_turns={max_turns}"
        )
      pairs = []
      for j, line in enumerate(lines):
        try:
          pairs.append(split(line))
        except ValueError as e:
          raise DatasetFormatError(f"{path}: item {i}, line {j}: {e}") from None
    except DatasetFormatError:
      if errors == "raise":
        raise
      continue
    out.append(
      conversation_trajectory(
        pairs,
        bool(item[success_key]),
        max_turns,
        info={"word": word_of(item["word"]), "episode": i, "raw_lines": list(lines)},
      )
    )
  return out


def load_guess_my_city_json(
  path, max_turns: int = 20, errors: str = "raise", _data: list | None = None
) -> list[Trajectory]:
  """Guess My City conversations ({"conversation", "done", "word"}) -> trajectories.

  errors="skip" drops malformed conversations instead of raising."""
  hint = '{"conversation": [str, ...], "done": bool, "word": "city,country"}'
  schema = {
    "conversation": _str_list,
    "done": lambda v: isinstance(v, bool),
    "word": lambda v: isinstance(v, str),
  }
  return _load(
    path,
    "Guess My City conversations",
    schema,
    hint,
    "conversation",
    "done",
    str,
    split_city_line,
    max_turns,
    errors,
    _data,
  )


def load_twenty_questions_json(
  path, max_turns: int = 20, errors: str = "raise", _data: list | None = None
) -> list[Trajectory]:
  """LMRL-Gym Twenty Questions conversations ({"lines", "correct", "word"}) -> trajectories.

  `word` may be a list of spellings or one string. errors="skip" drops malformed items."""
  hint = '{"lines": [str, ...], "correct": bool, "word": [str, ...]}'
  schema = {
    "lines": _str_list,
    "correct": lambda v: isinstance(v, bool),
    "word": lambda v: isinstance(v, str) or (_str_list(v) and len(v) > 0),
  }
  word_of = lambda w: w if isinstance(w, str) else ";".join(w)
  return _load(
    path,
    "Twenty Questions (LMRL-Gym) conversations",
    schema,
    hint,
    "lines",
    "correct",
    word_of,
    split_twenty_questions_line,
    max_turns,
    errors,
    _data,
  )


def detect_format(path, _data: list | None = None) -> str:
  """ "guess_my_city" or "twenty_questions" from the keys of the file's first item."""
  data = _read_list(path, "conversations") if _data is None else _data
  if not data:
    raise DatasetFormatError(f"{os.fspath(path)}: empty list, cannot tell its format")
  first = data[0]
  if isinstance(first, dict) and "conversation" in first:
    return "guess_my_city"
  if isinstance(first, dict) and "lines" in first:
    return "twenty_questions"
  keys = sorted(first) if isinstance(first, dict) else type(first).__name__
  raise DatasetFormatError(
    f"{os.fspath(path)}: item 0 has {keys}; expected the Guess My City "
    f"keys (conversation, done, word) or the Twenty Questions keys "
    f"(lines, correct, word)"
  )


def load_public_json(
  path, fmt: str = "auto", max_turns: int = 20, errors: str = "raise"
) -> list[Trajectory]:
  """Either public format; fmt: "auto" | "guess_my_city" | "twenty_questions"."""
  if fmt not in ("auto",) + FORMATS:
    raise ValueError(f"unknown JSON format {fmt!r}; expected 'auto' or one of {FORMATS}")
  data = _read_list(path, "conversations")
  if fmt == "auto":
    fmt = detect_format(path, data)
  if fmt == "guess_my_city":
    return load_guess_my_city_json(path, max_turns, errors, data)
  return load_twenty_questions_json(path, max_turns, errors, data)

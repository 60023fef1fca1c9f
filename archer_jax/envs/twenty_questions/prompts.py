"""Prompt text for instruction-tuned askers and answerers, and tolerant output decoders.

`json_question_prompt` wraps a 20Q observation in the instruction prompt used with
Mistral-7B-Instruct on the 10-word subset (an example game, the history so far, a request
for the next question as JSON {"Question": ...}, the candidate words). `decode_json_question`
pulls the question back out of whatever the model wrote. `map_answer` turns an answerer's
free text into one of the three valid answers.
"""

from __future__ import annotations

import json
import re
from typing import Sequence

from archer_jax.envs.question_game import INITIAL_OBSERVATION  # noqa: F401  (re-exported)
from archer_jax.envs.twenty_questions.knowledge import SUBSET_WORDS
from archer_jax.envs.twenty_questions.understander import INVALID, NO, YES

_JSON_PROMPT = """Let's play Twenty Questions. Here is an example game:
Questions:
Is the object alive? Yes.
Is the object a mammal? No.
Is the object a plant? Yes.
Is the object edible? Yes.
Is the object a fruit? Yes.
Is the object a tropical fruit? Yes.
Is the object a banana? Yes.

Continue the game below by asking the next question.
{obs}
Reply in this format:
{{
"Question": "Your Question",
}}
The hidden word is one of:
{words}.
"""


def json_question_prompt(
  observation: str, words: Sequence[str] = SUBSET_WORDS, bos: str = ""
) -> str:
  """Instruction prompt ([INST] ... [/INST], Mistral style) asking for the next question as
  JSON. `observation` is the env's "Questions:\\n..." history; `bos` is prepended verbatim
  (leave empty when the tokenizer adds its own BOS)."""
  msg = _JSON_PROMPT.format(obs=observation.rstrip("\n"), words=", ".join(w.lower() for w in words))
  return f"{bos}[INST]{msg}[/INST]\n"


_FENCE = re.compile(r"```[a-zA-Z]*")
_BLOCK = re.compile(r"\{[^{}]*\}?")
_TRAILING_COMMA = re.compile(r",\s*\}")
_KEYVAL = re.compile(
  r"""["']?question["']?\s*[:=]\s*"""
  r"""(?P<v>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|[^\n}]*)""",
  re.IGNORECASE,
)
_MAX_CHARS = 300


def _clean(s: str) -> str:
  s = s.replace('\\"', '"').replace("\\n", " ").replace("\\'", "'")
  s = " ".join(s.split())
  return s.strip(" \t'\",{}`")[:_MAX_CHARS]


def decode_json_question(text) -> str:
  """The question inside a model's JSON-ish reply ("" if there is none).

  Tolerates code fences, surrounding chatter, a trailing comma, single quotes, a missing
  closing brace or quote, and a bare `Question: ...` line; falls back to the first line that
  contains a '?', then to the first non-empty line. Always returns a single line."""
  if text is None:
    return ""
  if not isinstance(text, str):
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
  t = _FENCE.sub(" ", text)
  for m in _BLOCK.finditer(t):
    block = m.group()
    if not block.endswith("}"):
      block += "}"
    try:
      obj = json.loads(_TRAILING_COMMA.sub("}", block))
    except ValueError:
      continue
    if isinstance(obj, dict):
      for k, v in obj.items():
        if str(k).strip().lower() == "question" and isinstance(v, str):
          return _clean(v)
  m = _KEYVAL.search(t)
  if m:
    v = m.group("v").strip()
    if v[:1] in "\"'":
      v = v[1:]
      if v.endswith(m.group("v").strip()[0]):
        v = v[:-1]
    v = _clean(v.rstrip(","))
    if v:
      return v
  lines = [ln.strip() for ln in t.splitlines() if ln.strip()]
  for ln in lines:
    if "?" in ln:
      return _clean(ln[: ln.index("?") + 1])
  return _clean(lines[0]) if lines else ""


_YES_WORDS = frozenset("yes yeah yep yup correct true affirmative".split())
_NO_WORDS = frozenset("no nope false incorrect negative".split())
_WORD = re.compile(r"[a-z]+")


def map_answer(text) -> str:
  """Free text from an answerer model -> "Yes." | "No." | "Invalid Question."

  The first yes-like / no-like / "invalid" word of the first non-empty line decides; anything
  else is an invalid question."""
  if not isinstance(text, str) or not text.strip():
    return INVALID
  first = next(ln for ln in text.strip().lower().splitlines() if ln.strip())
  for w in _WORD.findall(first):
    if w == "invalid":
      return INVALID
    if w in _YES_WORDS:
      return YES
    if w in _NO_WORDS:
      return NO
  return INVALID

"""Answerers for Guess My City, all behind one batched call:

    oracle.answer_batch(city_keys: list[str], questions: list[str]) -> list[str]

Answers are single-line sentences that never name the secret city. The env calls this once
per step with the questions of all rows still playing.

- `BuiltinOracle`: the knowledge base + question understander (default; no model).
- `LMOracle(generate_fn)`: any local causal LM; `generate_fn(prompts) -> completions`.
  `sampler_generate_fn` wraps the project's jitted `generation.Sampler` as such a function and
  `LMOracle.from_pretrained` loads a known model name, checkpoint directory or .gguf file
  (both from `question_game`).
"""

from __future__ import annotations

import re

from archer_jax.envs.guess_my_city.answers import FALLBACK, REFUSE, WIN_ANSWER, answer_text, reveals
from archer_jax.envs.guess_my_city.cities import CITIES, city_index
from archer_jax.envs.guess_my_city.understander import Understander, get_understander
from archer_jax.envs.question_game import KnowledgeOracle, Oracle, sampler_generate_fn
from archer_jax.envs.question_game import LMOracle as _LMOracle

MAX_ANSWER_CHARS = 300


class BuiltinOracle(KnowledgeOracle):
  """Answers from the knowledge base; questions it cannot parse get `FALLBACK`."""

  def __init__(self, understander: Understander | None = None):
    super().__init__(understander or get_understander())

  _lookup = staticmethod(city_index)

  def city(self, key: str):
    return CITIES[self.index(key)]

  def _write(self, index: int, question: str) -> str:
    c = CITIES[index]
    out = answer_text(c, self.understander.parse(question), question)
    return REFUSE if reveals(out, c) and out != WIN_ANSWER else out


LM_ORACLE_TEMPLATE = (
  "You are playing a guessing game. You live in the city of {city}, {country}. The other "
  "player asks questions to find out which city it is. Answer the question truthfully in "
  "one short sentence, as someone from the city would. Never say the name of the city; if "
  'the answer would reveal it, say "I can\'t answer that question."\n'
  "Question: {question}\nAnswer:"
)


def clean_completion(text, city) -> str:
  """An LM completion -> one answer line that does not name the city."""
  if not isinstance(text, str):
    text = "" if text is None else str(text)
  line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
  line = re.sub(r"^(?:answer|a)\s*:\s*", "", line, flags=re.I).strip().strip('"').strip()
  if not line:
    return FALLBACK
  if len(line) > MAX_ANSWER_CHARS:
    cut = line[:MAX_ANSWER_CHARS]
    line = cut[: cut.rfind(".") + 1] if "." in cut else cut
  if reveals(line, city):
    return REFUSE
  return line


class LMOracle(_LMOracle):
  """A causal LM as the answerer; `template` has {city}, {country} and {question} fields.
  Completions are cut to their first line, and any that names the city becomes REFUSE."""

  TEMPLATE = LM_ORACLE_TEMPLATE

  def _fields(self, key: str) -> dict[str, str]:
    c = CITIES[city_index(key)]
    return {"city": c.name, "country": c.country.name}

  def _clean(self, completion, key: str) -> str:
    return clean_completion(completion, CITIES[city_index(key)])


__all__ = [
  "Oracle",
  "BuiltinOracle",
  "LMOracle",
  "LM_ORACLE_TEMPLATE",
  "clean_completion",
  "sampler_generate_fn",
  "FALLBACK",
  "REFUSE",
]

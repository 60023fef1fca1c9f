"""Answerers for Guess My City, all behind one batched call:

    oracle.answer_batch(city_keys: list[str], questions: list[str]) -> list[str]

Answers are single-line sentences that never name the secret city. The env calls this once
per step with the questions of all rows still playing.

- `BuiltinOracle`: the knowledge base + question understander (default; no model).
- `LMOracle(generate_fn)`: any local causal LM; `generate_fn(prompts) -> completions`.
  `sampler_generate_fn` wraps the project's jitted `generation.Sampler` as such a function and
  `LMOracle.from_pretrained` loads a known model name, checkpoint directory or .gguf file.
"""
from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence

from archer_jax.envs.guess_my_city.answers import FALLBACK, REFUSE, answer_text, reveals
from archer_jax.envs.guess_my_city.cities import CITIES, city_index
from archer_jax.envs.guess_my_city.understander import Understander, get_understander

MAX_ANSWER_CHARS = 300


class Oracle(Protocol):
  def answer_batch(self, city_keys: Sequence[str], questions: Sequence[str]) -> list[str]:
    ...


def _check_lengths(keys, questions):
  if len(keys) != len(questions):
    raise ValueError(f"answer_batch: {len(keys)} cities for {len(questions)} questions")


class BuiltinOracle:
  """Answers from the knowledge base; questions it cannot parse get `FALLBACK`."""

  def __init__(self, understander: Understander | None = None):
    self.understander = understander or get_understander()
    self._index: dict[str, int] = {}

  def city(self, key: str):
    i = self._index.get(key)
    if i is None:
      i = self._index[key] = city_index(key)
    return CITIES[i]

  def answer(self, key: str, question: str) -> str:
    c = self.city(key)
    out = answer_text(c, self.understander.parse(question), question)
    return REFUSE if reveals(out, c) and not out.startswith("Yes, you guessed it") else out

  def answer_batch(self, city_keys: Sequence[str], questions: Sequence[str]) -> list[str]:
    _check_lengths(city_keys, questions)
    return [self.answer(k, q) for k, q in zip(city_keys, questions)]


LM_ORACLE_TEMPLATE = (
    "You are playing a guessing game. You live in the city of {city}, {country}. The other "
    "player asks questions to find out which city it is. Answer the question truthfully in "
    "one short sentence, as someone from the city would. Never say the name of the city; if "
    "the answer would reveal it, say \"I can't answer that question.\"\n"
    "Question: {question}\nAnswer:")


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


class LMOracle:
  """A causal LM as the answerer.

  `generate_fn(prompts: list[str]) -> list[str]` returns one completion per prompt (greedy
  decoding recommended); `template` has {city}, {country} and {question} fields.
  Completions are cut to their first line, and any that names the city becomes REFUSE."""

  def __init__(self, generate_fn: Callable[[list[str]], list[str]],
               template: str = LM_ORACLE_TEMPLATE):
    self.generate_fn = generate_fn
    self.template = template

  def prompt(self, key: str, question: str) -> str:
    c = CITIES[city_index(key)]
    return self.template.format(city=c.name, country=c.country.name, question=question)

  def answer_batch(self, city_keys: Sequence[str], questions: Sequence[str]) -> list[str]:
    _check_lengths(city_keys, questions)
    if not questions:
      return []
    prompts = [self.prompt(k, q) for k, q in zip(city_keys, questions)]
    outs = list(self.generate_fn(prompts))
    if len(outs) != len(prompts):
      raise RuntimeError(f"LMOracle: generate_fn returned {len(outs)} completions for "
                         f"{len(prompts)} prompts")
    return [clean_completion(o, CITIES[city_index(k)]) for o, k in zip(outs, city_keys)]

  @classmethod
  def from_pretrained(cls, model: str, max_new_tokens: int = 48, chat: bool = False,
                      dtype: str = "float32", seed: int = 0, template: str = LM_ORACLE_TEMPLATE):
    """Load `model` (a known name, HF checkpoint directory or .gguf file) and answer with it
    through the jitted sampler (greedy, stopping at the first newline)."""
    from archer_jax.generation import Sampler
    from archer_jax.loading import load_model, load_tokenizer
    cfg, params = load_model(model, dtype=dtype)
    tok = load_tokenizer(model)
    sampler = Sampler(cfg, tok, max_new_tokens=max_new_tokens, stop_strings=("\n",),
                      chat=chat)
    return cls(sampler_generate_fn(sampler, params, seed=seed, greedy=True), template)


def sampler_generate_fn(sampler, params, seed: int = 0, greedy: bool = True,
                        temperature: float = 1.0) -> Callable[[list[str]], list[str]]:
  """prompts -> completions with `generation.Sampler.generate` (a fresh key per call)."""
  import jax
  key = jax.random.PRNGKey(seed)
  counter = iter(range(1 << 30))

  def gen(prompts: list[str]) -> list[str]:
    res = sampler.generate(params, list(prompts), jax.random.fold_in(key, next(counter)),
                           temperature=temperature, greedy=greedy)
    return list(res.texts)
  return gen


__all__ = ["Oracle", "BuiltinOracle", "LMOracle", "LM_ORACLE_TEMPLATE", "clean_completion",
           "sampler_generate_fn", "FALLBACK", "REFUSE"]

"""Answerers of a question game, all behind one batched call:

    oracle.answer_batch(secret_ids: list[str], questions: list[str]) -> list[str]

- `KnowledgeOracle`: a game's knowledge base and question understander (no model). A game
  says how a secret id becomes a knowledge-base index (`_lookup`) and writes the answer for
  that index (`_write`).
- `LMOracle(generate_fn)`: any causal LM, `generate_fn(prompts) -> completions`. A game gives
  the prompt template (`TEMPLATE`), the fields that describe a secret (`_fields`) and how a
  completion becomes an answer (`_clean`). `from_pretrained` runs a known model name,
  checkpoint directory or .gguf file through the jitted sampler.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol, Sequence


class Oracle(Protocol):
  def answer_batch(self, secret_ids: Sequence[str], questions: Sequence[str]) -> list[str]: ...


def check_lengths(secret_ids: Sequence[str], questions: Sequence[str]) -> None:
  if len(secret_ids) != len(questions):
    raise ValueError(f"answer_batch: {len(secret_ids)} secrets for {len(questions)} questions")


class KnowledgeOracle:
  """Answers from a knowledge base through `understander` (see the module docstring)."""

  def __init__(self, understander):
    self.understander = understander
    self._index: dict[str, int] = {}

  def _lookup(self, secret_id: str) -> int:
    raise NotImplementedError

  def _write(self, index: int, question: str) -> str:
    raise NotImplementedError

  def index(self, secret_id: str) -> int:
    """The knowledge-base index of a secret (looked up once per id)."""
    i = self._index.get(secret_id)
    if i is None:
      i = self._index[secret_id] = self._lookup(secret_id)
    return i

  def answer(self, secret_id: str, question: str) -> str:
    return self._write(self.index(secret_id), question)

  def answer_batch(self, secret_ids: Sequence[str], questions: Sequence[str]) -> list[str]:
    check_lengths(secret_ids, questions)
    known, index, write = self._index, self.index, self._write
    return [
      write(known[s] if s in known else index(s), q)
      for s, q in zip(secret_ids, questions, strict=True)
    ]


class LMOracle:
  """A causal LM as the answerer.

  `generate_fn(prompts: list[str]) -> list[str]` returns one completion per prompt (greedy
  decoding recommended); `template` (default: the game's `TEMPLATE`) has a {question} field
  and the fields `_fields(secret_id)` returns."""

  TEMPLATE = "{question}"

  def __init__(self, generate_fn: Callable[[list[str]], list[str]], template: str | None = None):
    self.generate_fn = generate_fn
    self.template = self.TEMPLATE if template is None else template

  def _fields(self, secret_id: str) -> dict[str, Any]:
    raise NotImplementedError

  def _clean(self, completion: Any, secret_id: str) -> str:
    raise NotImplementedError

  def prompt(self, secret_id: str, question: str) -> str:
    return self.template.format(question=question, **self._fields(secret_id))

  def answer_batch(self, secret_ids: Sequence[str], questions: Sequence[str]) -> list[str]:
    check_lengths(secret_ids, questions)
    if not questions:
      return []
    prompts = [self.prompt(s, q) for s, q in zip(secret_ids, questions, strict=True)]
    outs = list(self.generate_fn(prompts))
    if len(outs) != len(prompts):
      raise RuntimeError(
        f"{type(self).__name__}: generate_fn returned {len(outs)} completions "
        f"for {len(prompts)} prompts"
      )
    return [self._clean(o, s) for o, s in zip(outs, secret_ids, strict=True)]

  @classmethod
  def from_pretrained(
    cls,
    model: str,
    max_new_tokens: int = 48,
    chat: bool = False,
    dtype: str = "float32",
    seed: int = 0,
    template: str | None = None,
  ):
    """Load `model` (a known name, HF checkpoint directory or .gguf file) and answer with it
    through the jitted sampler (greedy, stopping at the first newline)."""
    from archer_jax.generation import Sampler
    from archer_jax.loading import load_model, load_tokenizer

    cfg, params = load_model(model, dtype=dtype)
    tok = load_tokenizer(model)
    sampler = Sampler(cfg, tok, max_new_tokens=max_new_tokens, stop_strings=("\n",), chat=chat)
    return cls(sampler_generate_fn(sampler, params, seed=seed, greedy=True), template)


def sampler_generate_fn(
  sampler, params, seed: int = 0, greedy: bool = True, temperature: float = 1.0
) -> Callable[[list[str]], list[str]]:
  """prompts -> completions with `generation.Sampler.generate` (a fresh key per call)."""
  import jax

  key = jax.random.PRNGKey(seed)
  counter = iter(range(1 << 30))

  def gen(prompts: list[str]) -> list[str]:
    res = sampler.generate(
      params,
      list(prompts),
      jax.random.fold_in(key, next(counter)),
      temperature=temperature,
      greedy=greedy,
    )
    return list(res.texts)

  return gen

"""Twenty Questions as a `BatchedEnv` (spec §6).

Each row hides one word. The agent's action (text up to the first newline) is a yes/no
question; the oracle answers "Yes.", "No." or "Invalid Question.". The observation is
"Questions:\\n" plus one "<question> <answer>" line per turn. Reward is -1 per turn and 0 on the
winning turn: the answer is Yes and the question ends with the word or one of its aliases
("Is it a soccer ball?"). Episodes are capped at `max_turns` (20), so returns lie in [-20, 0].
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from archer_jax.envs.base import BatchedEnv
from archer_jax.envs.twenty_questions.knowledge import WordEntry, norm_name, resolve_words
from archer_jax.envs.twenty_questions.oracles import BuiltinOracle, Oracle
from archer_jax.envs.twenty_questions.prompts import (INITIAL_OBSERVATION, decode_json_question,
                                                      json_question_prompt, map_answer)
from archer_jax.envs.twenty_questions.understander import (ANSWERS, INVALID, MAX_QUESTION_CHARS,
                                                           YES)


def question_of(action: str, json_actions: bool = False) -> str:
  """The question an action asks: its first line, stripped (JSON replies decoded first)."""
  if json_actions:
    action = decode_json_question(action)
  return action.split("\n", 1)[0].strip()


def names_word(question: str, word: WordEntry) -> bool:
  """True if the question's last word(s) are `word` or one of its aliases (case-insensitive,
  trailing punctuation ignored): "Is it a Soccer Ball?!" names "Soccer ball"."""
  toks = norm_name(question).split()
  if not toks:
    return False
  for alias in word.alias_tokens:
    k = len(alias)
    if k and toks[-k:] == list(alias):
      return True
  return False


def is_garbage(question: str) -> bool:
  """Questions no oracle is asked about: empty, over-long or non-ASCII."""
  return not question or len(question) > MAX_QUESTION_CHARS or not question.isascii()


class TwentyQuestionsEnv(BatchedEnv):
  """Batched Twenty Questions.

  words: "full" (157 objects), "subset" (the 10-word subset) or a list of names.
  oracle: anything with `answer_batch(secret_words, questions)`; default `BuiltinOracle()`.
  prompt: "plain" (observation = the history) or "json" (observation = the JSON-answer
    instruction prompt around the history, and actions are decoded with
    `decode_json_question` before their first line is taken).
  reset(indices=...) picks words by position in `self.words`; otherwise each row draws one
  with its seed. infos carry the secret `word`, `won`, the `question` and the `answer`.
  """

  def __init__(self, batch_size: int = 1, max_turns: int = 20, seed: int = 0,
               words="full", oracle: Oracle | None = None, prompt: str = "plain"):
    super().__init__(batch_size, max_turns, seed)
    if prompt not in ("plain", "json"):
      raise ValueError(f"TwentyQuestionsEnv: prompt must be 'plain' or 'json', got {prompt!r}")
    self.words: tuple[WordEntry, ...] = resolve_words(words)
    self.oracle = oracle if oracle is not None else BuiltinOracle()
    self.prompt = prompt
    self._secret: list[WordEntry | None] = [None] * batch_size
    self._history = [INITIAL_OBSERVATION] * batch_size
    self.oracle_calls = 0

  @property
  def num_tasks(self) -> int:
    return len(self.words)

  @property
  def secret_words(self) -> list[str | None]:
    """The canonical secret word of every row (None before the first reset)."""
    return [None if w is None else w.name for w in self._secret]

  def _render(self, history: str) -> str:
    if self.prompt == "json":
      return json_question_prompt(history, [w.name for w in self.words])
    return history

  def _reset_row(self, row: int, rng: np.random.Generator, index: int | None) -> str:
    n = len(self.words)
    if index is None:
      index = int(rng.integers(n))
    elif not 0 <= index < n:
      raise IndexError(f"TwentyQuestionsEnv.reset: word index {index} outside [0, {n})")
    self._secret[row] = self.words[index]
    self._history[row] = INITIAL_OBSERVATION
    return self._render(INITIAL_OBSERVATION)

  def _step_rows(self, rows: Sequence[int], actions: Sequence[str]
                 ) -> list[tuple[str, float, bool, dict]]:
    json_actions = self.prompt == "json"
    questions = [question_of(a, json_actions) for a in actions]
    answers = [INVALID] * len(rows)
    ask = [i for i, q in enumerate(questions) if not is_garbage(q)]
    if ask:
      self.oracle_calls += 1
      got = self.oracle.answer_batch([self._secret[rows[i]].name for i in ask],
                                     [questions[i] for i in ask])
      if len(got) != len(ask):
        raise RuntimeError(f"{type(self.oracle).__name__}.answer_batch returned {len(got)} "
                           f"answers for {len(ask)} questions")
      for i, a in zip(ask, got):
        answers[i] = a if a in ANSWERS else map_answer(a)
    out = []
    for row, q, a in zip(rows, questions, answers):
      word = self._secret[row]
      won = a == YES and names_word(q, word)
      hist = self._history[row] + (f"{q} {a}\n" if q else f"{a}\n")
      self._history[row] = hist
      out.append((self._render(hist), 0.0 if won else -1.0, won,
                  {"word": word.name, "won": won, "question": q, "answer": a}))
    return out


class TwentyQuestionsSubsetEnv(TwentyQuestionsEnv):
  """The 10-word subset game (football, dog, banana, truck, pants, computer, piano, chair,
  pen, scissors); pass prompt="json" for the instruction-model setting."""

  def __init__(self, batch_size: int = 1, max_turns: int = 20, seed: int = 0,
               oracle: Oracle | None = None, prompt: str = "plain", words="subset"):
    super().__init__(batch_size, max_turns, seed, words=words, oracle=oracle, prompt=prompt)
